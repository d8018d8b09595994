package dev.huzhu.indexer;

import dev.huzhu.protocol.EventArgs;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Parametric disaster plans in the index (issue 13, migration V14): the factory's ParametricPlanCreated makes the
 * plan's row; cover bought, gifts to the reserve, the oracle's attestations, claims and withdrawals keep its books
 * (reserve(), credited(), memberCount()) and each member's (memberOf(): region, cover, credit), and append the
 * covers, attestations (each opening a claim window until its windowEnd) and claims. Scoped to the plan.
 */
final class ParametricProjections {
    static final Map<String, Projector.Handler> HANDLERS = Map.of(
            "ParametricPlanCreated", ParametricProjections::created,
            "CoverBought", ParametricProjections::coverBought,
            "ReserveFunded", ParametricProjections::reserveFunded,
            "DisasterAttested", ParametricProjections::attested,
            "ParametricClaimPaid", ParametricProjections::claimPaid,
            "PayoutWithdrawn", ParametricProjections::withdrawn);
    static final Map<String, String> SCOPED_TABLES = Map.of("parametric_plans", "address", "parametric_members", "plan",
            "parametric_covers", "plan", "attestations", "plan", "parametric_claims", "plan");
    private static final String[] PLAN_KEY = {"chain_id", "address"};
    private static final String[] MEMBER_KEY = {"chain_id", "plan", "member"};

    private ParametricProjections() {}

    static void created(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        EventArgs a = e.args();
        w.update("INSERT INTO parametric_plans (chain_id, address, factory, plan_id, creator, oracle, token, payout, created_block, created_time) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, plan, e.contract(), a.longValue("id"), a.text("creator"), a.text("oracle"), a.text("token"), a.uint("payout").toString(),
                e.blockNumber(), e.blockTime());
    }

    /** Cover bought: a new member takes the next index (its region fixed for good); the cover's end moves on. */
    static void coverBought(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        EventArgs a = e.args();
        String member = a.text("member");
        long region = a.longValue("region");
        BigInteger paid = a.uint("paid");
        ScenarioProjections.append(w, "parametric_covers", "plan, member, region, periods, paid, covered_from, covered_until", chainId, e, plan,
                member, region, (int) a.longValue("periods"), paid.toString(), a.longValue("coveredFrom"), a.longValue("coveredUntil"));
        List<Object[]> known = w.query("SELECT member_index FROM parametric_members WHERE chain_id = ? AND plan = ? AND member = ?", chainId, plan, member);
        if (known.isEmpty()) {
            List<Object[]> count = w.query("SELECT members FROM parametric_plans WHERE chain_id = ? AND address = ?", chainId, plan);
            int index = (count.isEmpty() ? 0 : ((Number) count.get(0)[0]).intValue()) + 1;
            w.update("INSERT INTO parametric_members (chain_id, plan, member, member_index, region, covered_from, covered_until) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    chainId, plan, member, index, region, a.longValue("coveredFrom"), a.longValue("coveredUntil"));
            w.update("UPDATE parametric_plans SET members = ? WHERE chain_id = ? AND address = ?", index, chainId, plan);
        } else {
            w.update("UPDATE parametric_members SET covered_until = ? WHERE chain_id = ? AND plan = ? AND member = ?",
                    a.longValue("coveredUntil"), chainId, plan, member);
        }
        w.update("UPDATE parametric_plans SET covers = covers + 1 WHERE chain_id = ? AND address = ?", chainId, plan);
        planSums(w, chainId, plan).add("reserve", paid).add("contributions", paid);
        memberSums(w, chainId, plan, member).add("contributed", paid);
    }

    static void reserveFunded(SqlWriter w, long chainId, DecodedEvent e, String plan) {
        BigInteger amount = e.args().uint("amount");
        planSums(w, chainId, plan).add("reserve", amount).add("gifts", amount);
    }

    static void attested(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        EventArgs a = e.args();
        ScenarioProjections.append(w, "attestations", "plan, event_id, region, severity, event_time, window_end, poster", chainId, e, plan,
                a.uint("eventId").toString(), a.longValue("region"), (int) a.longValue("severity"), a.longValue("eventTime"), a.longValue("windowEnd"),
                a.text("poster"));
        w.update("UPDATE parametric_plans SET attestations = attestations + 1 WHERE chain_id = ? AND address = ?", chainId, plan);
    }

    /** The preset payout credited to the member, out of the reserve. */
    static void claimPaid(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        EventArgs a = e.args();
        BigInteger amount = a.uint("amount");
        String member = a.text("member");
        ScenarioProjections.append(w, "parametric_claims", "plan, event_id, region, member, amount", chainId, e, plan,
                a.uint("eventId").toString(), a.longValue("region"), member, amount.toString());
        w.update("UPDATE parametric_plans SET claims = claims + 1 WHERE chain_id = ? AND address = ?", chainId, plan);
        w.update("UPDATE parametric_members SET claims = claims + 1 WHERE chain_id = ? AND plan = ? AND member = ?", chainId, plan, member);
        planSums(w, chainId, plan).add("reserve", amount.negate()).add("credited", amount).add("paid_total", amount);
        memberSums(w, chainId, plan, member).add("credit", amount).add("claimed", amount);
    }

    static void withdrawn(SqlWriter w, long chainId, DecodedEvent e, String plan) {
        BigInteger amount = e.args().uint("amount");
        String member = e.args().text("member");
        planSums(w, chainId, plan).add("credited", amount.negate()).add("withdrawn", amount);
        memberSums(w, chainId, plan, member).add("credit", amount.negate()).add("withdrawn", amount);
    }

    private static SqlWriter.TextSums planSums(SqlWriter w, long chainId, String plan) {
        return w.textSums("parametric_plans", PLAN_KEY, chainId, plan);
    }

    private static SqlWriter.TextSums memberSums(SqlWriter w, long chainId, String plan, String member) {
        return w.textSums("parametric_members", MEMBER_KEY, chainId, plan, member);
    }
}
