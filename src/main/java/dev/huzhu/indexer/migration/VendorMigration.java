package dev.huzhu.indexer.migration;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration that changes one database product only (the SQL migrations in
 * db/migration are the same for SQLite and PostgreSQL); on the other it is recorded and does nothing.
 * Registered by IndexDatabase; its version orders it among the SQL migrations.
 */
abstract class VendorMigration implements JavaMigration {
    private final String version;
    private final String description;
    private final String product;
    private final int checksum;

    /**
     * @param product the JDBC database product name it changes ("SQLite", "PostgreSQL")
     * @param checksum what Flyway records: fixed once released (a change makes existing databases fail validation)
     */
    VendorMigration(String version, String description, String product, int checksum) {
        this.version = version;
        this.description = description;
        this.product = product;
        this.checksum = checksum;
    }

    /** The change itself, on a database of this migration's product. */
    abstract void migrateOn(Connection c) throws SQLException;

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (product.equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
            migrateOn(c);
        }
    }
}
