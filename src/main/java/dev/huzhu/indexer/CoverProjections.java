package dev.huzhu.indexer;

import java.math.BigInteger;
import java.sql.SQLException;
import java.util.List;

/**
 * The COST_SHARING cover book as the index keeps it (the contract's CoverBook, without its O(1)
 * tricks: the index may touch every member of a plan at a payout). A member's cover ends at the start
 * of {@code cover_end_period}, set from their balance whenever a deposit or a withdrawal re-files it
 * ({@code _recover}: current period + balance / share cap, at most {@value #MAX_COVER_PERIODS}); a
 * payout's {@code sharePerMember} is due from every active member whose cover has not ended
 * ({@code shares_due}, what {@code withdrawable()} subtracts) until {@code SharesSettled} takes it
 * from the balance ({@code shares_paid}); {@code PeriodStarted} sets the covered count.
 */
final class CoverProjections {
    /** PoolStorage.MAX_COVER_PERIODS. */
    static final long MAX_COVER_PERIODS = 5_200;

    private CoverProjections() {}

    /** The plan's current period at {@code time}: frozen at the period it closed in once closed. */
    static long currentPeriod(SqlWriter w, long chainId, String plan, PlanTerms.Terms t, long time) throws SQLException {
        List<Object[]> r = w.query("SELECT closed, closed_at FROM plans WHERE chain_id = ? AND address = ?", chainId, plan);
        if (!r.isEmpty() && r.get(0)[0] != null && ((Number) r.get(0)[0]).intValue() != 0 && r.get(0)[1] != null) {
            return t.periodAt(((Number) r.get(0)[1]).longValue());
        }
        return t.periodAt(time);
    }

    /**
     * A deposit or withdrawal re-filed {@code member}'s cover from {@code balance}. A balance below
     * one share cap ends the cover now: the MemberLapsed that follows in the same transaction says so.
     */
    static void refile(SqlWriter w, long chainId, DecodedEvent e, String plan, String member, BigInteger balance, PlanTerms.Terms t)
            throws SQLException {
        if (t == null || t.shareCap().signum() == 0) {
            return;
        }
        long period = currentPeriod(w, chainId, plan, t, e.blockTime());
        long end = period + Math.min(balance.divide(t.shareCap()).min(BigInteger.valueOf(MAX_COVER_PERIODS)).longValueExact(), MAX_COVER_PERIODS);
        if (end == period) {
            return;
        }
        Projector.memberRow(w, chainId, plan, member).set("cover_end_period", end).set("paid_through", t.createdAt() + end * t.period());
    }

    /** A payout charged {@code share} to every member covered in the payout's period. */
    static void charge(SqlWriter w, long chainId, DecodedEvent e, String plan, BigInteger share, PlanTerms.Terms t) throws SQLException {
        if (share.signum() == 0 || t == null) {
            return;
        }
        long period = currentPeriod(w, chainId, plan, t, e.blockTime());
        // one merged change per covered member (summed exactly in Java on SQLite, see SqlWriter.exactSums)
        for (Object[] m : w.query("SELECT member FROM members WHERE chain_id = ? AND plan = ? AND status = 'active' AND cover_end_period > ?",
                chainId, plan, period)) {
            Projector.memberRow(w, chainId, plan, (String) m[0]).add("shares_due", share);
        }
    }

    /** SharesSettled: what was due is taken from the balance. */
    static void settled(SqlWriter w, long chainId, String plan, String member, BigInteger amount) {
        Projector.memberRow(w, chainId, plan, member).add("shares_due", amount.negate()).add("shares_paid", amount);
    }

    /** PeriodStarted: the roll-over counted the covered members. */
    static void periodStarted(SqlWriter w, long chainId, DecodedEvent e, String plan) {
        Projector.planRow(w, chainId, plan).set("members_active", e.args().longValue("coveredMembers"));
    }
}
