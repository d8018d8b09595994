package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many members' pending changes in one flush, on the index's own schema and both databases: every row ends with the
 * figures worked out by hand below, as one UPDATE per row in order would leave it. On PostgreSQL 627 rows of one shape
 * go as multi-row UPDATEs of 500, 100, 20 and 5 rows and 2 single-row ones ({@link MultiRowUpdate}): amounts past 2^63,
 * a NULL among numbers, two shapes in one flush, rows nobody changed left alone. The same for the exact sums kept as
 * decimal text ({@link SqlWriter#textSums}): read in one SELECT per chunk, written back in one UPDATE, the rows not there
 * yet inserted.
 */
class PendingChangesIT {
    private static final String PLAN = "0x00000000000000000000000000000000000000aa";
    private static final BigInteger TEN_DAI = BigInteger.TEN.pow(19); // past 2^63
    private static final int MEMBERS = 627; // 500 + 100 + 20 + 5 + 2
    private static final int UNTOUCHED = 40;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void everyChangedRowEndsAsTheUpdatesInOrderWouldLeaveIt(String kind) throws Exception {
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        try (Connection c = db.connect()) {
            SqlWriter w = new SqlWriter(c);
            for (int i = 0; i < MEMBERS + UNTOUCHED; i++) {
                w.append("INSERT INTO members (chain_id, plan, member, status, joined_block, joined_time, balance, contributed, paid_through) "
                        + "VALUES (?, ?, ?, 'active', 1, 1, ?, ?, ?)", 31337L, PLAN, member(i), BigInteger.valueOf(3), BigInteger.valueOf(5), 77L);
            }
            w.commit();
            for (int i = 0; i < MEMBERS; i++) { // shape 1: balance set, contributed added to, paid_through set (a NULL now and then)
                w.change("members", "chain_id = ? AND plan = ? AND member = ?", 31337L, PLAN, member(i))
                        .set("balance", BigInteger.valueOf(1_000 + i)).add("contributed", TEN_DAI.add(BigInteger.valueOf(i)))
                        .set("paid_through", i % 7 == 0 ? null : (Object) (long) i);
            }
            for (int i = 0; i < MEMBERS; i += 2) { // the same rows again: merged into their pending change
                w.change("members", "chain_id = ? AND plan = ? AND member = ?", 31337L, PLAN, member(i)).add("contributed", TEN_DAI);
            }
            for (int i = MEMBERS; i < MEMBERS + 3; i++) { // shape 2: only an amount added
                w.change("members", "chain_id = ? AND plan = ? AND member = ?", 31337L, PLAN, member(i)).add("balance", TEN_DAI);
            }
            for (int i = MEMBERS; i < MEMBERS + 2; i++) { // two of them again with the chain id as an Integer: pending changes of their
                // own, in the same chunk of five as the first two (both must count)
                w.change("members", "chain_id = ? AND plan = ? AND member = ?", 31337, PLAN, member(i)).add("balance", TEN_DAI);
            }
            w.commit();

            List<Object[]> rows = w.query("SELECT member, balance, contributed, paid_through FROM members WHERE chain_id = ? AND plan = ? ORDER BY member",
                    31337L, PLAN);
            assertEquals(MEMBERS + UNTOUCHED, rows.size());
            for (int i = 0; i < MEMBERS + UNTOUCHED; i++) {
                Object[] r = rows.get(i);
                assertEquals(member(i), r[0]);
                BigInteger balance;
                BigInteger contributed = BigInteger.valueOf(5);
                Long paidThrough = 77L;
                if (i < MEMBERS) {
                    balance = BigInteger.valueOf(1_000 + i);
                    contributed = contributed.add(TEN_DAI).add(BigInteger.valueOf(i)).add(i % 2 == 0 ? TEN_DAI : BigInteger.ZERO);
                    paidThrough = i % 7 == 0 ? null : (long) i;
                } else if (i < MEMBERS + 3) {
                    balance = BigInteger.valueOf(3).add(TEN_DAI).add(i < MEMBERS + 2 ? TEN_DAI : BigInteger.ZERO);
                } else {
                    balance = BigInteger.valueOf(3);
                }
                String what = kind + " member " + i;
                assertEquals(balance, SqlWriter.amountOf(r[1]), what + " balance");
                assertEquals(contributed, SqlWriter.amountOf(r[2]), what + " contributed");
                assertEquals(paidThrough, r[3] == null ? null : ((Number) r[3]).longValue(), what + " paid_through");
            }
            if (!db.isSqlite()) {
                assertTrue(w.multiRowUpdates() >= 4, "multi-row UPDATEs on PostgreSQL: " + w.multiRowUpdates());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void everyRowsSumsEndAsReadAddAndWriteBackWouldLeaveThem(String kind) throws Exception {
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        String[] key = {"chain_id", "plan", "account"};
        try (Connection c = db.connect()) {
            SqlWriter w = new SqlWriter(c);
            for (int i = 0; i < MEMBERS; i += 3) { // a third of the accounts have a row already; the others get one
                w.append("INSERT INTO plan_points (chain_id, plan, account, accrued, claimed) VALUES (?, ?, ?, ?, ?)",
                        31337L, PLAN, member(i), TEN_DAI.toString(), "5");
            }
            w.commit();
            for (int i = 0; i < MEMBERS; i++) {
                w.textSums("plan_points", key, 31337L, PLAN, member(i)).add("accrued", TEN_DAI.add(BigInteger.valueOf(i))).add("claimed", BigInteger.ONE);
            }
            for (int i = 0; i < MEMBERS; i += 2) { // merged into the same pending sums
                w.textSums("plan_points", key, 31337L, PLAN, member(i)).add("accrued", BigInteger.TWO);
            }
            for (int n = 0; n < 7; n++) { // the key columns as a new array each time (as CampaignProjections passes them): one row still
                w.textSums("plan_points", new String[] {"chain_id", "plan", "account"}, 31337L, PLAN, member(0)).add("claimed", BigInteger.ONE);
            }
            w.commit();

            List<Object[]> rows = w.query("SELECT account, accrued, claimed FROM plan_points WHERE chain_id = ? AND plan = ? ORDER BY account", 31337L, PLAN);
            assertEquals(MEMBERS, rows.size());
            for (int i = 0; i < MEMBERS; i++) {
                BigInteger stored = i % 3 == 0 ? TEN_DAI : BigInteger.ZERO;
                BigInteger accrued = stored.add(TEN_DAI).add(BigInteger.valueOf(i)).add(i % 2 == 0 ? BigInteger.TWO : BigInteger.ZERO);
                BigInteger claimed = BigInteger.valueOf((i % 3 == 0 ? 6 : 1) + (i == 0 ? 7 : 0));
                assertEquals(member(i), rows.get(i)[0]);
                assertEquals(accrued.toString(), rows.get(i)[1], kind + " account " + i + " accrued");
                assertEquals(claimed.toString(), rows.get(i)[2], kind + " account " + i + " claimed");
            }
        }
    }

    private static String member(int i) {
        return "0x" + "%040x".formatted(i);
    }
}
