package dev.huzhu.indexer.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 8, PostgreSQL only: a watcher's sink name ({@code delivery_cursor.sink}: its webhook URL and
 * filters) becomes TEXT. It was VARCHAR(300): a webhook URL of about 250 characters with a plan filter
 * overflowed it, the cursor could not be saved, and every restart delivered the same payout again and
 * died again. SQLite does not enforce VARCHAR lengths and is left alone.
 */
public final class WideWatcherSinks implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "wide watcher sinks";
    }

    @Override
    public Integer getChecksum() {
        return 8_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!"PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE delivery_cursor ALTER COLUMN sink TYPE TEXT");
        }
    }
}
