package dev.huzhu.web;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quadratic matching rounds (/api/rounds): each round's terms and books as its views say them — poolBooks() (pool,
 * paid), totalSquares() (Σ over admitted campaigns of their Σ√c², worked out in Java from the indexed Σ√c), each
 * admitted campaign's square, its match paid (MatchPaid) or, before that, matchOf(c) = pool · square / totalSquares
 * rounded down — and the fundings.
 */
final class RoundReads {
    /** MatchingRound.CLAIM_WINDOW: how long after its end a round pays matches (then the sponsor reclaims the rest). */
    static final long CLAIM_WINDOW_SECONDS = 30L * 86_400;
    private static final String COLUMNS = "address, round_id, factory, sponsor, token, starts_at, ends_at, created_block, created_time, pool, paid, "
            + "reclaimed, admitted, matches_paid, " + ScenarioReads.tokenColumns("matching_rounds");

    private final long chainId;

    RoundReads(long chainId) {
        this.chainId = chainId;
    }

    Map<String, Object> rounds(Connection c, int limit, int offset) throws SQLException {
        long total = Rows.count(c, "SELECT COUNT(*) FROM matching_rounds WHERE chain_id = ?", chainId);
        Map<String, Object> asOf = ScenarioReads.asOf(c, chainId);
        List<Map<String, Object>> items = Rows.query(c, "SELECT " + COLUMNS + " FROM matching_rounds WHERE chain_id = ? "
                + "ORDER BY created_block DESC, address LIMIT ? OFFSET ?", chainId, limit, offset);
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Map<String, Object> r : items) {
            Map<String, Object> round = withBooks(c, r, asOf);
            round.remove("campaigns");
            out.add(round);
        }
        Map<String, Object> page = ReadModel.page(out, total, limit, offset);
        page.put("asOf", asOf);
        return page;
    }

    /** One round: its books, its admitted campaigns with their squares and matches, a page of its fundings (newest first). */
    Map<String, Object> round(Connection c, String address, int limit, int offset) throws SQLException {
        List<Map<String, Object>> rows = Rows.query(c, "SELECT " + COLUMNS + " FROM matching_rounds WHERE chain_id = ? AND address = ?", chainId, address);
        if (rows.isEmpty()) {
            throw new NotFound("no matching round at " + address + " on chain " + chainId);
        }
        Map<String, Object> asOf = ScenarioReads.asOf(c, chainId);
        Map<String, Object> round = withBooks(c, rows.get(0), asOf);
        long total = Rows.count(c, "SELECT COUNT(*) FROM round_fundings WHERE chain_id = ? AND round = ?", chainId, address);
        round.put("fundings", ReadModel.page(Rows.query(c, "SELECT funder, amount, pool_after, block_number, block_time, tx_hash FROM round_fundings "
                + "WHERE chain_id = ? AND round = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, address, limit, offset),
                total, limit, offset));
        round.put("asOf", asOf);
        return round;
    }

    /** The round's row with totalSquares, its state at the indexed time and its admitted campaigns (in admission order). */
    private Map<String, Object> withBooks(Connection c, Map<String, Object> row, Map<String, Object> asOf) throws SQLException {
        Map<String, Object> round = new LinkedHashMap<>(row);
        String address = (String) row.get("address");
        List<Map<String, Object>> campaigns = Rows.query(c, "SELECT a.campaign, a.block_number AS admitted_block, a.block_time AS admitted_time, "
                + "s.sum_sqrt, p.amount AS match_paid, p.block_number AS paid_block, p.block_time AS paid_time, p.tx_hash AS paid_tx "
                + "FROM round_admissions a LEFT JOIN campaign_sums s ON s.chain_id = a.chain_id AND s.campaign = a.campaign "
                + "LEFT JOIN match_payouts p ON p.chain_id = a.chain_id AND p.round = a.round AND p.campaign = a.campaign "
                + "WHERE a.chain_id = ? AND a.round = ? ORDER BY a.block_number, a.log_index", chainId, address);
        BigInteger totalSquares = BigInteger.ZERO;
        for (Map<String, Object> k : campaigns) {
            BigInteger s = ScenarioReads.amount(k.get("sumSqrt"));
            k.put("sumSqrt", s.toString());
            k.put("square", s.multiply(s).toString());
            totalSquares = totalSquares.add(s.multiply(s));
        }
        BigInteger pool = ScenarioReads.amount(row.get("pool"));
        for (Map<String, Object> k : campaigns) {
            boolean paid = k.get("matchPaid") != null;
            BigInteger square = new BigInteger((String) k.get("square"));
            // matchOf(c): what the campaign would be paid now; zero once paid (the payout is matchPaid)
            k.put("matchOf", paid || totalSquares.signum() == 0 ? "0" : pool.multiply(square).divide(totalSquares).toString());
            k.put("paid", paid);
        }
        round.put("totalSquares", totalSquares.toString());
        round.put("claimWindowEnds", ((Number) row.get("endsAt")).longValue() + CLAIM_WINDOW_SECONDS);
        round.put("state", state(row, ScenarioReads.time(asOf)));
        round.put("campaigns", campaigns);
        return round;
    }

    /** UPCOMING before its start, OPEN while donations count, MATCHING while matches are paid, CLOSED after (at the indexed time). */
    static String state(Map<String, Object> row, long now) {
        long starts = ((Number) row.get("startsAt")).longValue();
        long ends = ((Number) row.get("endsAt")).longValue();
        return now < starts ? "UPCOMING" : now < ends ? "OPEN" : now < ends + CLAIM_WINDOW_SECONDS ? "MATCHING" : "CLOSED";
    }
}
