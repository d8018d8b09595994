package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The indexer's writer on a real PostgreSQL server, as a new index grows: the single-row lookups of its projections
 * keep using their keys. pgjdbc prepares a statement on the server from its fifth run, and the server may then keep
 * a generic plan judged while the table was empty, a sequential scan, for the whole session: at 500k events every
 * ClaimPaid read all claims (850 µs at 25,000). The server's own counters say how many rows each lookup read.
 */
class PostgresPlansIT {
    private static final String CLAIM = "SELECT claimant, status FROM claims WHERE chain_id = ? AND plan = ? AND claim_id = ?";
    private static final String PLAN = "0x00000000000000000000000000000000000000aa";

    @Test
    void claimLookupsUseTheKeyAfterTheTableGrewFromEmpty() throws Exception {
        IndexDatabase db = IndexDatabase.open(PostgresServer.shared().createDatabase());
        try (Connection c = db.connect()) {
            SqlWriter w = new SqlWriter(c);
            insertClaims(w, 0, 3);
            for (int i = 0; i < 20; i++) { // while the table is tiny: past pgjdbc's prepare threshold (5) and the server's 5 custom plans
                assertEquals(1, w.query(CLAIM, 31337L, PLAN, (long) (i % 3)).size());
            }
            w.commit();
            insertClaims(w, 3, 5_000);
            w.commit();
            long before = rowsRead(c);
            for (int i = 0; i < 50; i++) {
                List<Object[]> r = w.query(CLAIM, 31337L, PLAN, (long) (17 * i + 5));
                assertEquals(1, r.size());
                assertEquals("0x" + "%040x".formatted(17 * i + 5), r.get(0)[0]);
            }
            w.commit();
            long read = rowsRead(c) - before;
            assertTrue(read <= 100, "rows of claims the server read for 50 lookups by key among 5,000 claims: " + read);
        }
    }

    @Test
    void theSettingOutlivesARolledBackTransaction() throws Exception {
        IndexDatabase db = IndexDatabase.open(PostgresServer.shared().createDatabase());
        try (Connection c = db.connect()) {
            SqlWriter w = new SqlWriter(c);
            insertClaims(w, 0, 1);
            w.rollback();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW plan_cache_mode")) {
                assertTrue(rs.next());
                assertEquals("force_custom_plan", rs.getString(1));
            }
        }
    }

    private static void insertClaims(SqlWriter w, int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            w.update("INSERT INTO claims (chain_id, plan, claim_id, claimant, amount, status, submitted_block, submitted_time, updated_block) "
                    + "VALUES (?, ?, ?, ?, ?, 'Submitted', 1, 1, 1)", 31337L, PLAN, (long) i, "0x" + "%040x".formatted(i), java.math.BigInteger.TEN);
        }
    }

    /**
     * The rows of claims the server has read (by sequential and by index scans), this session's included (flushed
     * first). The generic plan of a tiny table was an index scan of claims_by_submission on chain_id alone, filtering
     * plan and claim_id: every claim read for each lookup (psql: EXPLAIN EXECUTE after 7 runs on 3 rows).
     */
    private static long rowsRead(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_force_next_flush()");
        }
        c.commit();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq_tup_read + COALESCE(idx_tup_fetch, 0) FROM pg_stat_user_tables WHERE relname = 'claims'")) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }
}
