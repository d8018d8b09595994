package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesAnEmptySqliteFileAndIsIdempotent() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("sub/index.db");
        IndexDatabase.open(url);
        IndexDatabase db = IndexDatabase.open(url); // second open: nothing to migrate
        try (Connection c = db.connect()) {
            for (String table : List.of("events", "plans", "members", "deposits", "contributions", "claims", "votes",
                    "challenges", "payouts", "ratings", "points", "sync_cursor", "recent_blocks", "delivery_cursor")) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), table);
                }
            }
        }
    }

    @Test
    void rejectsAnUnknownDatabaseUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndexDatabase.open("mysql://x"));
        assertEquals("--db must be jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB, got: mysql://x", e.getMessage());
    }
}
