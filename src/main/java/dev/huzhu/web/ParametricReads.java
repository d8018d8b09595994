package dev.huzhu.web;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parametric disaster plans (/api/parametric): each plan's terms and books as its views say them — oracle(),
 * payout(), reserve(), credited(), memberCount() — its regions, and for one plan the oracle's attestations with
 * their claim windows (disasterOf: event time, window end, severity; open at the indexed time), the claims paid
 * for each, the members covered in its region at its time (who may claim), the members (memberOf) and claims.
 */
final class ParametricReads {
    private static final String COLUMNS = "address, plan_id, factory, creator, oracle, token, payout, created_block, created_time, reserve, credited, "
            + "contributions, gifts, paid_total, withdrawn, members, covers, attestations, claims, "
            + String.join(", ", java.util.stream.Stream.of("contribution", "period_seconds", "waiting_seconds", "window_seconds", "min_severity",
                    "max_periods").map(c -> ScenarioReads.term("parametric_plans", c)).toList()) + ", " + ScenarioReads.tokenColumns("parametric_plans");

    private final long chainId;

    ParametricReads(long chainId) {
        this.chainId = chainId;
    }

    Map<String, Object> plans(Connection c, int limit, int offset) throws SQLException {
        long total = Rows.count(c, "SELECT COUNT(*) FROM parametric_plans WHERE chain_id = ?", chainId);
        List<Map<String, Object>> items = Rows.query(c, "SELECT " + COLUMNS + " FROM parametric_plans WHERE chain_id = ? "
                + "ORDER BY created_block DESC, address LIMIT ? OFFSET ?", chainId, limit, offset);
        for (Map<String, Object> p : items) {
            p.put("regions", regions(c, (String) p.get("address")));
        }
        Map<String, Object> page = ReadModel.page(items, total, limit, offset);
        page.put("asOf", ScenarioReads.asOf(c, chainId));
        return page;
    }

    /** One plan: books, regions, every attestation (newest first) with its window and claims, pages of members and claims. */
    Map<String, Object> plan(Connection c, String address, int limit, int offset) throws SQLException {
        List<Map<String, Object>> rows = Rows.query(c, "SELECT " + COLUMNS + " FROM parametric_plans WHERE chain_id = ? AND address = ?", chainId, address);
        if (rows.isEmpty()) {
            throw new NotFound("no parametric plan at " + address + " on chain " + chainId);
        }
        Map<String, Object> asOf = ScenarioReads.asOf(c, chainId);
        long now = ScenarioReads.time(asOf);
        Map<String, Object> p = new LinkedHashMap<>(rows.get(0));
        p.put("regions", regions(c, address));
        List<Map<String, Object>> attestations = Rows.query(c, "SELECT event_id, region, severity, event_time, window_end, poster, block_number, "
                + "block_time, tx_hash, "
                + "(SELECT COUNT(*) FROM parametric_claims k WHERE k.chain_id = a.chain_id AND k.plan = a.plan AND k.event_id = a.event_id "
                + "AND k.region = a.region) AS claims, "
                // who may claim it: members of its region covered at its time (memberOf: coveredFrom <= eventTime < coveredUntil)
                + "(SELECT COUNT(*) FROM parametric_members m WHERE m.chain_id = a.chain_id AND m.plan = a.plan AND m.region = a.region "
                + "AND m.covered_from <= a.event_time AND a.event_time < m.covered_until) AS covered_members "
                + "FROM attestations a WHERE a.chain_id = ? AND a.plan = ? ORDER BY a.block_number DESC, a.log_index DESC", chainId, address);
        for (Map<String, Object> a : attestations) {
            BigInteger paid = BigInteger.ZERO; // summed in Java: exact amounts are never added in SQL
            for (Map<String, Object> k : Rows.query(c, "SELECT amount FROM parametric_claims WHERE chain_id = ? AND plan = ? AND event_id = ? AND region = ?",
                    chainId, address, a.get("eventId"), a.get("region"))) {
                paid = paid.add(ScenarioReads.amount(k.get("amount")));
            }
            a.put("paid", paid.toString());
            a.put("open", now <= ((Number) a.get("windowEnd")).longValue()); // claim() reverts once block.timestamp > windowEnd
        }
        p.put("attestations", attestations);
        p.put("memberList", ReadModel.page(Rows.query(c, "SELECT member, member_index, region, covered_from, covered_until, contributed, credit, claimed, "
                + "withdrawn, claims FROM parametric_members WHERE chain_id = ? AND plan = ? ORDER BY member_index LIMIT ? OFFSET ?",
                chainId, address, limit, offset), Rows.count(c, "SELECT COUNT(*) FROM parametric_members WHERE chain_id = ? AND plan = ?", chainId, address),
                limit, offset));
        p.put("claimsPaid", ReadModel.page(Rows.query(c, "SELECT event_id, region, member, amount, block_number, block_time, tx_hash FROM parametric_claims "
                + "WHERE chain_id = ? AND plan = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, address, limit, offset),
                Rows.count(c, "SELECT COUNT(*) FROM parametric_claims WHERE chain_id = ? AND plan = ?", chainId, address), limit, offset));
        p.put("asOf", asOf);
        return p;
    }

    /** The regions members registered in, with how many members each (a member's region is fixed at its first cover). */
    private List<Map<String, Object>> regions(Connection c, String plan) throws SQLException {
        return Rows.query(c, "SELECT region, COUNT(*) AS members FROM parametric_members WHERE chain_id = ? AND plan = ? GROUP BY region ORDER BY region",
                chainId, plan);
    }
}
