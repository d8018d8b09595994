package dev.huzhu.indexer.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Migration 8, PostgreSQL only: a watcher's sink name ({@code delivery_cursor.sink}: its webhook URL and
 * filters) becomes TEXT. It was VARCHAR(300): a webhook URL of about 250 characters with a plan filter
 * overflowed it, the cursor could not be saved, and every restart delivered the same payout again and
 * died again. SQLite does not enforce VARCHAR lengths and is left alone.
 */
public final class WideWatcherSinks extends VendorMigration {
    public WideWatcherSinks() {
        super("8", "wide watcher sinks", "PostgreSQL", 8_001);
    }

    @Override
    void migrateOn(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE delivery_cursor ALTER COLUMN sink TYPE TEXT");
        }
    }
}
