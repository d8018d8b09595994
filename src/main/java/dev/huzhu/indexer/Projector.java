package dev.huzhu.indexer;

import java.math.BigInteger;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Turns decoded events into the normalised tables (plans, members, deposits, contributions,
 * claims, votes, challenges, payouts, ratings, points). Every row here is a pure function of the
 * {@code events} table, scope by scope, so a scope can always be cleared and replayed.
 * Event names and argument names follow docs/events.md; unknown events stay in {@code events} only.
 */
public final class Projector {
    /** Applies one event of one scope (plan). */
    interface Handler {
        void apply(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException;
    }

    /** Tables and the column that holds their scope, for clearing a scope before a replay. */
    private static final Map<String, String> SCOPED_TABLES = Map.of(
            "plans", "address", "members", "plan", "deposits", "plan", "contributions", "plan", "claims", "plan",
            "votes", "plan", "challenges", "plan", "payouts", "plan", "ratings", "plan", "points", "source");

    private final Map<String, Handler> handlers = Map.ofEntries(
            Map.entry("MemberJoined", Projector::memberJoined),
            Map.entry("Deposited", (w, c, e, p) -> balanceMove(w, c, e, p, "deposit")),
            Map.entry("Withdrawn", (w, c, e, p) -> balanceMove(w, c, e, p, "withdrawal")),
            Map.entry("ContributionCharged", Projector::contributionCharged),
            Map.entry("MemberLapsed", Projector::memberLapsed),
            Map.entry("ClaimSubmitted", Projector::claimSubmitted),
            Map.entry("ClaimVoted", (w, c, e, p) -> claimVoted(w, c, e, p, "assessor")),
            Map.entry("ClaimApproved", (w, c, e, p) -> claimDecided(w, c, e, p, "Approved", "claims_approved")),
            Map.entry("ClaimRejected", (w, c, e, p) -> claimDecided(w, c, e, p, "Rejected", "claims_rejected")),
            Map.entry("ClaimPaid", Projector::claimPaid));

    /** Applies {@code e}, which belongs to {@code plan}; events without a handler are ignored here. */
    public void apply(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        Handler h = handlers.get(e.name());
        if (h != null) {
            h.apply(w, chainId, e, plan);
        }
    }

    /** Removes every projected row of {@code scope}, before replaying its events. */
    public void clear(SqlWriter w, long chainId, String scope) throws SQLException {
        for (Map.Entry<String, String> t : SCOPED_TABLES.entrySet()) {
            w.update("DELETE FROM " + t.getKey() + " WHERE chain_id = ? AND " + t.getValue() + " = ?", chainId, scope);
        }
    }

    // ------------------------------------------------------------------ plans and members

    static void ensurePlan(SqlWriter w, long chainId, String plan, DecodedEvent e) throws SQLException {
        w.update("INSERT INTO plans (chain_id, address, created_block, created_time) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (chain_id, address) DO NOTHING", chainId, plan, e.blockNumber(), e.blockTime());
    }

    private static void memberJoined(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        ensurePlan(w, chainId, plan, e);
        String member = e.args().text("member");
        long joined = e.args().has("joinedAt") ? e.args().longValue("joinedAt") : e.blockTime();
        int inserted = w.update("INSERT INTO members (chain_id, plan, member, status, joined_block, joined_time, eligible_at, referrer) "
                        + "VALUES (?, ?, ?, 'active', ?, ?, ?, ?) ON CONFLICT (chain_id, plan, member) DO NOTHING",
                chainId, plan, member, e.blockNumber(), joined, e.args().has("eligibleAt") ? e.args().longValue("eligibleAt") : null,
                e.args().text("referrer"));
        if (inserted == 0) {
            w.update("UPDATE members SET status = 'active', eligible_at = ? WHERE chain_id = ? AND plan = ? AND member = ?",
                    e.args().has("eligibleAt") ? e.args().longValue("eligibleAt") : null, chainId, plan, member);
        }
        w.update("UPDATE plans SET members_total = members_total + ?, members_active = members_active + 1 "
                + "WHERE chain_id = ? AND address = ?", inserted, chainId, plan);
    }

    private static void memberLapsed(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        int changed = w.update("UPDATE members SET status = 'lapsed', paid_through = ? WHERE chain_id = ? AND plan = ? AND member = ? "
                + "AND status = 'active'", e.args().longValue("paidThrough"), chainId, plan, e.args().text("member"));
        w.update("UPDATE plans SET members_active = members_active - ? WHERE chain_id = ? AND address = ?", changed, chainId, plan);
    }

    private static void balanceMove(SqlWriter w, long chainId, DecodedEvent e, String plan, String kind) throws SQLException {
        String member = e.args().text("member");
        BigInteger amount = e.args().uint("amount");
        BigInteger after = e.args().uint("balance");
        w.update("INSERT INTO deposits (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, kind, amount, balance_after) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, member, kind, amount, after);
        if (after != null) {
            w.update("UPDATE members SET balance = ? WHERE chain_id = ? AND plan = ? AND member = ?", after, chainId, plan, member);
        } else {
            w.update("UPDATE members SET balance = balance " + ("deposit".equals(kind) ? "+" : "-") + " ? "
                    + "WHERE chain_id = ? AND plan = ? AND member = ?", amount, chainId, plan, member);
        }
    }

    private static void contributionCharged(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        String member = e.args().text("member");
        BigInteger amount = e.args().uint("amount");
        w.update("INSERT INTO contributions (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, kind, periods, amount) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'contribution', ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, member,
                e.args().longValue("periods"), amount);
        w.update("UPDATE members SET contributed = contributed + ?, balance = balance - ?, paid_through = ? "
                + "WHERE chain_id = ? AND plan = ? AND member = ?", amount, amount, e.args().longValue("paidThrough"), chainId, plan, member);
        w.update("UPDATE plans SET reserve = reserve + ? WHERE chain_id = ? AND address = ?", amount, chainId, plan);
    }

    // ------------------------------------------------------------------ claims

    private static void claimSubmitted(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        ensurePlan(w, chainId, plan, e);
        w.update("INSERT INTO claims (chain_id, plan, claim_id, claimant, amount, evidence_hash, status, submitted_block, submitted_time, updated_block) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'Submitted', ?, ?, ?)",
                chainId, plan, e.args().longValue("claimId"), e.args().text("claimant"), e.args().uint("amount"),
                e.args().text("evidenceHash"), e.blockNumber(), e.blockTime(), e.blockNumber());
        w.update("UPDATE plans SET claims_total = claims_total + 1 WHERE chain_id = ? AND address = ?", chainId, plan);
    }

    private static void claimVoted(SqlWriter w, long chainId, DecodedEvent e, String plan, String role) throws SQLException {
        boolean approve = e.args().bool("approve", "approved", "support");
        long claimId = e.args().longValue("claimId");
        w.update("INSERT INTO votes (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, voter, role, approve) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, claimId,
                e.args().text("assessor", "juror", "voter"), role, approve);
        w.update("UPDATE claims SET " + (approve ? "approvals = approvals + 1" : "rejections = rejections + 1")
                + ", updated_block = ? WHERE chain_id = ? AND plan = ? AND claim_id = ?", e.blockNumber(), chainId, plan, claimId);
    }

    private static void claimDecided(SqlWriter w, long chainId, DecodedEvent e, String plan, String status, String counter) throws SQLException {
        w.update("UPDATE claims SET status = ?, decided_time = ?, updated_block = ? WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                status, e.blockTime(), e.blockNumber(), chainId, plan, e.args().longValue("claimId"));
        w.update("UPDATE plans SET " + counter + " = " + counter + " + 1 WHERE chain_id = ? AND address = ?", chainId, plan);
    }

    private static void claimPaid(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        long claimId = e.args().longValue("claimId");
        BigInteger amount = e.args().uint("amount");
        List<Object[]> claim = w.query("SELECT claimant, submitted_time FROM claims WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                chainId, plan, claimId);
        String recipient = e.args().has("claimant") ? e.args().text("claimant")
                : e.args().has("recipient") ? e.args().text("recipient") : claim.isEmpty() ? "" : (String) claim.get(0)[0];
        long submitted = claim.isEmpty() ? e.blockTime() : ((Number) claim.get(0)[1]).longValue();
        w.update("INSERT INTO payouts (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, recipient, amount) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, claimId, recipient, amount);
        w.update("UPDATE claims SET status = 'Paid', paid_amount = COALESCE(paid_amount, 0) + ?, paid_time = ?, updated_block = ? "
                + "WHERE chain_id = ? AND plan = ? AND claim_id = ?", amount, e.blockTime(), e.blockNumber(), chainId, plan, claimId);
        w.update("UPDATE plans SET claims_paid = claims_paid + 1, paid_total = paid_total + ?, reserve = reserve - ?, "
                + "pay_seconds_sum = pay_seconds_sum + ? WHERE chain_id = ? AND address = ?",
                amount, amount, e.blockTime() - submitted, chainId, plan);
    }
}
