package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A watcher's sink name is its webhook URL and filters: a 250-character URL with a plan filter overflowed
 * PostgreSQL's VARCHAR(300), the cursor was never saved and each restart re-delivered the same payout.
 * Migration 8 makes it TEXT; a 2,000-character sink is saved and read back on both databases.
 */
class WatcherSinkTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void longWebhookSinksAreSaved(String kind) throws Exception {
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        String sink = "https://hooks.example.org/services/T0000/B0000/" + "x".repeat(1_900) + "?token=abc plan=0x" + "ab".repeat(20) + " claims";
        try (Connection c = db.connect()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO delivery_cursor (chain_id, sink, block_number, log_index) VALUES (31337, ?, 12, 3)")) {
                p.setString(1, sink);
                p.executeUpdate();
            }
            c.commit();
            try (PreparedStatement p = c.prepareStatement("SELECT block_number FROM delivery_cursor WHERE chain_id = 31337 AND sink = ?")) {
                p.setString(1, sink);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    assertEquals(12, r.getLong(1));
                }
            }
        }
    }
}
