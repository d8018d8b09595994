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
    void aNewSqliteFileGetsBigPagesAndAnExistingFileKeepsItsOwn() throws Exception {
        String fresh = "jdbc:sqlite:" + dir.resolve("fresh.db");
        IndexDatabase.open(fresh);
        assertEquals(List.of(16_384L, "wal"), pageSizeAndJournal(fresh));

        IndexDatabase.open(fresh); // opened again: nothing changes
        assertEquals(List.of(16_384L, "wal"), pageSizeAndJournal(fresh));

        // a file made before, with SQLite's default 4 KiB pages, keeps them: its schema is migrated as it is
        String old = "jdbc:sqlite:" + dir.resolve("old.db");
        try (Connection c = java.sql.DriverManager.getConnection(old)) {
            c.createStatement().execute("PRAGMA page_size=4096");
            c.createStatement().execute("PRAGMA journal_mode=WAL");
        }
        IndexDatabase db = IndexDatabase.open(old);
        assertEquals(List.of(4_096L, "wal"), pageSizeAndJournal(old));
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM events")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    private static List<Object> pageSizeAndJournal(String url) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(url);
             ResultSet p = c.createStatement().executeQuery("PRAGMA page_size")) {
            p.next();
            long size = p.getLong(1);
            try (ResultSet j = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                j.next();
                return List.of(size, j.getString(1));
            }
        }
    }

    @Test
    void rejectsAnUnknownDatabaseUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndexDatabase.open("mysql://x"));
        assertEquals("--db must be jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB, got: mysql://x", e.getMessage());
    }
}
