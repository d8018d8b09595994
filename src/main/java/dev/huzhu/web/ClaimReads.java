package dev.huzhu.web;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One claim (/api/plans/{plan}/claims/{id}) with, for an EDUCATION claim, its schedule as the tranche escrow keeps it
 * (the same figures as {@code TrancheEscrow.scheduleOf}, {@code trancheAmount} and {@code termOpensAt}): the
 * institution, the plan's tranches and term, what was released and returned, and each term with its tranche, its
 * state (released, next, waiting, stopped), when it opens and, once released, the release (proof hash, time, tx).
 */
final class ClaimReads {
    private final long chainId;

    ClaimReads(long chainId) {
        this.chainId = chainId;
    }

    Map<String, Object> claim(Connection c, String plan, long id) throws SQLException {
        List<Map<String, Object>> rows = Rows.query(c, "SELECT claims.plan, claim_id, claimant, amount, evidence_hash, status, approvals, rejections, "
                + "submitted_block, submitted_time, decided_time, COALESCE(paid, CAST(paid_amount AS VARCHAR(80)), '0') AS paid, COALESCE(owed, '0') AS owed, "
                + "p.category, p.token_symbol, p.token_decimals FROM claims LEFT JOIN plans p ON p.chain_id = claims.chain_id AND p.address = claims.plan "
                + "WHERE claims.chain_id = ? AND claims.plan = ? AND claim_id = ?", chainId, plan, id);
        if (rows.isEmpty()) {
            throw new NotFound("no claim " + id + " in plan " + plan + " on chain " + chainId);
        }
        Map<String, Object> claim = new LinkedHashMap<>(rows.get(0));
        claim.put("schedule", schedule(c, plan, id, claim));
        return claim;
    }

    /** The claim's schedule, or null when no institution was named (not an EDUCATION claim, or none named yet). */
    private Map<String, Object> schedule(Connection c, String plan, long id, Map<String, Object> claim) throws SQLException {
        List<Map<String, Object>> rows = Rows.query(c, "SELECT institution, tranches, term_seconds, named_block, started_at, released_terms, "
                + "released_amount, returned_amount, stopped, stopped_by, stopped_time FROM tranche_schedules WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                chainId, plan, id);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> s = new LinkedHashMap<>(rows.get(0));
        // what the plan granted the claim (paid + owed: TrancheEscrow fixes it at term 0's release); before any payment, the amount asked
        BigInteger total = ScenarioReads.amount(claim.get("paid")).add(ScenarioReads.amount(claim.get("owed")));
        if (total.signum() == 0) {
            total = ScenarioReads.amount(claim.get("amount"));
        }
        s.put("total", total.toString());
        int n = ((Number) s.get("tranches")).intValue();
        int released = ((Number) s.get("releasedTerms")).intValue();
        boolean stopped = ((Number) s.get("stopped")).intValue() != 0;
        s.put("stopped", stopped);
        long started = s.get("startedAt") == null ? 0 : ((Number) s.get("startedAt")).longValue();
        long term = ((Number) s.get("termSeconds")).longValue();
        Map<Long, Map<String, Object>> releases = new LinkedHashMap<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT term, amount, proof_hash, block_number, block_time, tx_hash FROM tranche_releases "
                + "WHERE chain_id = ? AND plan = ? AND claim_id = ? ORDER BY block_number, log_index", chainId, plan, id)) {
            releases.putIfAbsent(((Number) r.get("term")).longValue(), r);
        }
        List<Map<String, Object>> terms = new ArrayList<>();
        BigInteger big = BigInteger.valueOf(n);
        for (int k = 0; k < n; k++) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("term", k);
            // TrancheEscrow.trancheAmount: equal parts, the rounding rest in the last one
            t.put("amount", total.multiply(BigInteger.valueOf(k + 1)).divide(big).subtract(total.multiply(BigInteger.valueOf(k)).divide(big)).toString());
            t.put("state", k < released ? "released" : stopped ? "stopped" : k == released ? "next" : "waiting");
            t.put("opensAt", k == 0 || started == 0 ? 0 : started + k * term); // TrancheEscrow.termOpensAt
            t.put("release", releases.get((long) k));
            terms.add(t);
        }
        s.put("terms", terms);
        return s;
    }
}
