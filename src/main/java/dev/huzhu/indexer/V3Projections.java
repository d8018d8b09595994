package dev.huzhu.indexer;

import dev.huzhu.protocol.CloseReason;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.List;

/**
 * Projections of protocol v3's events (issue 9, migration V4): what a claim still owes, its jury
 * round by round, a plan's wind-down and points per plan. Amount columns added by V4 are TEXT
 * (exact decimal strings of base units on SQLite and PostgreSQL alike), so every sum here is done
 * with BigInteger after reading the current value.
 */
final class V3Projections {
    private V3Projections() {}

    private static BigInteger one(SqlWriter w, String sql, Object... params) throws SQLException {
        List<Object[]> r = w.query(sql, params);
        return r.isEmpty() ? BigInteger.ZERO : SqlWriter.amountOf(r.get(0)[0]);
    }

    private static long claimId(DecodedEvent e) {
        return e.args().longValue("claimId");
    }

    /** The claim's current jury round (1 when not known). */
    private static int round(SqlWriter w, long chainId, String plan, long claimId) throws SQLException {
        List<Object[]> r = w.query("SELECT jury_round FROM claims WHERE chain_id = ? AND plan = ? AND claim_id = ?", chainId, plan, claimId);
        return r.isEmpty() || r.get(0)[0] == null ? 1 : ((Number) r.get(0)[0]).intValue();
    }

    // ------------------------------------------------------------------ owed claims

    /** Adds {@code delta} (may be negative) to the plan's owed total and {@code claims} to its count of owed claims. */
    static void addOwed(SqlWriter w, long chainId, String plan, BigInteger delta, int claims) throws SQLException {
        BigInteger total = one(w, "SELECT owed_total FROM plans WHERE chain_id = ? AND address = ?", chainId, plan);
        w.update("UPDATE plans SET owed_total = ?, owed_claims = owed_claims + ? WHERE chain_id = ? AND address = ?",
                total.add(delta).toString(), claims, chainId, plan);
    }

    /**
     * ClaimOwed: the rest of an approved claim that could not be paid now. The claim is PAID on chain
     * (closed) and owes this amount, paid first in first out by later ClaimPaid instalments.
     */
    static void claimOwed(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        long id = claimId(e);
        BigInteger owed = e.args().uint("owed");
        List<Object[]> claim = w.query("SELECT status, submitted_time FROM claims WHERE chain_id = ? AND plan = ? AND claim_id = ?", chainId, plan, id);
        boolean first = !claim.isEmpty() && !"Paid".equals(claim.get(0)[0]);
        w.update("UPDATE claims SET status = 'Paid', owed = ?, owed_time = ?, paid = COALESCE(paid, '0'), updated_block = ? "
                + "WHERE chain_id = ? AND plan = ? AND claim_id = ?", owed.toString(), e.blockTime(), e.blockNumber(), chainId, plan, id);
        if (first) { // nothing was paid at finalize (no ClaimPaid before): the claim was still closed as PAID
            w.update("UPDATE plans SET claims_paid = claims_paid + 1 WHERE chain_id = ? AND address = ?", chainId, plan);
        }
        addOwed(w, chainId, plan, owed, 1);
    }

    // ------------------------------------------------------------------ jury

    static void juryDrawScheduled(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        // a new round: its panel is not drawn yet and its votes start at zero (claimOf's juryFor/juryAgainst too)
        w.update("UPDATE claims SET jury_round = ?, jury_draw_block = ?, jury_seats = NULL, jury_commit_ends = NULL, jury_reveal_ends = NULL, "
                        + "jury_commits = 0, jury_reveals = 0, votes_for = 0, votes_against = 0, updated_block = ? "
                        + "WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                (int) e.args().longValue("round"), e.args().longValue("drawBlock"), e.blockNumber(), chainId, plan, claimId(e));
    }

    static void jurorDrawn(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        w.update("INSERT INTO jurors (chain_id, plan, claim_id, round, juror, drawn_block) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (chain_id, plan, claim_id, round, juror) DO NOTHING",
                chainId, plan, claimId(e), (int) e.args().longValue("round"), e.args().text("juror"), e.blockNumber());
    }

    static void juryDrawn(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        w.update("UPDATE claims SET jury_round = ?, jury_seats = ?, jury_commit_ends = ?, jury_reveal_ends = ?, updated_block = ? "
                        + "WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                (int) e.args().longValue("round"), (int) e.args().longValue("seats"), e.args().longValue("commitEndsAt"),
                e.args().longValue("revealEndsAt"), e.blockNumber(), chainId, plan, claimId(e));
    }

    static void juryVoteCommitted(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        long id = claimId(e);
        int round = round(w, chainId, plan, id);
        w.update("UPDATE jurors SET committed = 1 WHERE chain_id = ? AND plan = ? AND claim_id = ? AND round = ? AND juror = ?",
                chainId, plan, id, round, e.args().text("juror"));
        w.update("UPDATE claims SET jury_commits = jury_commits + 1 WHERE chain_id = ? AND plan = ? AND claim_id = ?", chainId, plan, id);
    }

    static void juryVoteRevealed(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        long id = claimId(e);
        int round = round(w, chainId, plan, id);
        w.update("UPDATE jurors SET revealed = 1, approve = ? WHERE chain_id = ? AND plan = ? AND claim_id = ? AND round = ? AND juror = ?",
                e.args().bool("approve"), chainId, plan, id, round, e.args().text("juror"));
        w.update("UPDATE claims SET jury_reveals = jury_reveals + 1 WHERE chain_id = ? AND plan = ? AND claim_id = ?", chainId, plan, id);
    }

    /** JuryFellBack: no verdict after a redraw (reason 0) or never drawn (1): the assessors' decision stands. */
    static void juryFellBack(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        long reason = e.args().longValue("reason");
        // status unchanged: ClaimPaid/ClaimDenied of the same finalize set it (the outcome is jury_outcome, not a status)
        w.update("UPDATE claims SET jury_outcome = ?, jury_fallback = ?, updated_block = ? "
                        + "WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                "fell-back-" + (e.args().bool("approved") ? "approved" : "denied"), reason == 0 ? "no-verdict" : reason == 1 ? "not-drawn" : "reason-" + reason,
                e.blockNumber(), chainId, plan, claimId(e));
    }

    /**
     * JurorRewarded: a juror who revealed collected deposit and reward (collectJuryReward), any time after
     * their round ended — also while a redrawn round 2 runs. A juror sits in one round of a dispute only,
     * so the seat is found by claim and juror, not by the claim's current round.
     */
    static void jurorRewarded(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        w.update("UPDATE jurors SET deposit_back = ?, reward = ? WHERE chain_id = ? AND plan = ? AND claim_id = ? AND juror = ?",
                e.args().uint("deposit").toString(), e.args().uint("reward").toString(), chainId, plan, claimId(e), e.args().text("juror"));
    }

    static void jurorDepositForfeited(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        BigInteger amount = e.args().uint("amount");
        w.update("UPDATE jurors SET forfeited = ? WHERE chain_id = ? AND plan = ? AND claim_id = ? AND juror = ?",
                amount.toString(), chainId, plan, claimId(e), e.args().text("juror"));
        Projector.planRow(w, chainId, plan).add("reserve", amount);
    }

    // ------------------------------------------------------------------ wind-down

    static void closeVoted(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        w.update("UPDATE plans SET close_round = ?, close_votes = ? WHERE chain_id = ? AND address = ?",
                e.args().longValue("round"), (int) e.args().longValue("votes"), chainId, plan);
    }

    static void belowFloorNoted(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        w.update("UPDATE plans SET below_floor_since = ? WHERE chain_id = ? AND address = ?", e.args().longValue("sincePeriod"), chainId, plan);
    }

    static void planClosed(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        w.update("UPDATE plans SET closed = 1, closed_at = ?, close_reason = ? WHERE chain_id = ? AND address = ?",
                e.args().longValue("closedAt"), Projector.enumName(CloseReason.class, e.args().uint("reason")), chainId, plan);
    }

    /** ExitsOpened: the reserve becomes the exit pool, shared by the members counted (when there are any). */
    static void exitsOpened(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        long members = e.args().longValue("members");
        w.update("UPDATE plans SET exits_open = 1, exit_members = ?, exit_pool = ?, exit_paid = '0' WHERE chain_id = ? AND address = ?",
                (int) members, e.args().uint("pool").toString(), chainId, plan);
        if (members != 0) {
            w.update("UPDATE plans SET reserve = 0 WHERE chain_id = ? AND address = ?", chainId, plan);
        }
    }

    static void exitShared(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        BigInteger share = e.args().uint("reserveShare");
        String member = e.args().text("member");
        w.update("UPDATE members SET exit_share = ? WHERE chain_id = ? AND plan = ? AND member = ?", share.toString(), chainId, plan, member);
        BigInteger paid = one(w, "SELECT exit_paid FROM plans WHERE chain_id = ? AND address = ?", chainId, plan);
        w.update("UPDATE plans SET exit_paid = ?, exits_taken = exits_taken + 1 WHERE chain_id = ? AND address = ?",
                paid.add(share).toString(), chainId, plan);
    }

    // ------------------------------------------------------------------ points, per plan

    /**
     * Adds accrued and minted points of {@code account} in {@code plan}: never summed across plans. The
     * sums of a range are merged in memory and the row is read and written once per flush (one of the
     * commonest events: no statement per PointsAccrued); exact in Java whatever the size.
     */
    static void addPoints(SqlWriter w, long chainId, String plan, String account, BigInteger accrued, BigInteger claimed) throws SQLException {
        w.textSums("plan_points", POINTS_KEY, chainId, plan, account).add("accrued", accrued).add("claimed", claimed);
    }

    private static final String[] POINTS_KEY = {"chain_id", "plan", "account"};

    static void pointsClaimed(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        addPoints(w, chainId, plan, e.args().text("member"), BigInteger.ZERO, e.args().uint("amount"));
    }
}
