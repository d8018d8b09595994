package dev.huzhu.web;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** What the scenario reads (rounds, group purchases, parametric plans) share: the indexed time, a contract's token. */
final class ScenarioReads {
    private ScenarioReads() {}

    /**
     * The last indexed block and its time ("asOf"): the time a status that depends on the clock (a deadline passed, a
     * claim window open) is judged at, as the chain's own views would judge it at that block; nulls before the first range.
     */
    static Map<String, Object> asOf(Connection c, long chainId) throws SQLException {
        List<Map<String, Object>> r = Rows.query(c, "SELECT block_number, block_time FROM sync_cursor WHERE chain_id = ? AND stream = 'index'", chainId);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("block", r.isEmpty() ? null : r.get(0).get("blockNumber"));
        out.put("time", r.isEmpty() ? null : r.get(0).get("blockTime"));
        return out;
    }

    /** The indexed time as a number (0 before the first range). */
    static long time(Map<String, Object> asOf) {
        Object t = asOf.get("time");
        return t == null ? 0 : ((Number) t).longValue();
    }

    /**
     * The symbol and decimals of the token in {@code table}'s {@code token} column: as read for the clone itself
     * (clone_terms, V17), else as a plan or a relief campaign on the same token knows them (NULL if none: the page
     * then shows base units).
     */
    static String tokenColumns(String table) {
        String plan = " FROM plans t WHERE t.chain_id = " + table + ".chain_id AND t.asset = " + table + ".token ORDER BY t.address LIMIT 1)";
        String campaign = " FROM campaigns t WHERE t.chain_id = " + table + ".chain_id AND t.token = " + table + ".token "
                + "AND t.token_symbol IS NOT NULL ORDER BY t.address LIMIT 1)";
        String own = " FROM clone_terms t WHERE t.chain_id = " + table + ".chain_id AND t.address = " + table + ".address)";
        return "COALESCE((SELECT token_symbol" + own + ", (SELECT token_symbol" + plan + ", (SELECT token_symbol" + campaign + ") AS token_symbol, "
                + "COALESCE((SELECT token_decimals" + own + ", (SELECT token_decimals" + plan + ", (SELECT token_decimals" + campaign
                + ") AS token_decimals";
    }

    /** The clone's fixed term {@code column} (clone_terms, V17), as a column of {@code table}'s rows. */
    static String term(String table, String column) {
        return "(SELECT t." + column + " FROM clone_terms t WHERE t.chain_id = " + table + ".chain_id AND t.address = " + table + ".address) AS " + column;
    }

    /** An exact TEXT amount (null and empty are zero). */
    static BigInteger amount(Object v) {
        return v == null || v.toString().isEmpty() ? BigInteger.ZERO : new BigInteger(v.toString());
    }
}
