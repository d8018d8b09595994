package dev.huzhu.web;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Money of every plan added up per token, never across tokens: paid and reserve per asset. Summed in
 * Java with BigInteger, not with SQL SUM: on SQLite amounts are exact decimal TEXT (SUM would turn
 * them into floating point past 2^63, about 9.2 tokens of an 18-decimal token).
 */
final class TokenTotals {
    private TokenTotals() {}

    /** One row per asset: asset, tokenSymbol, tokenDecimals, plans, paidTotal, reserveTotal; most plans first. */
    static List<Map<String, Object>> of(Connection c, long chainId) throws SQLException {
        Map<String, Map<String, Object>> byAsset = new LinkedHashMap<>();
        for (Map<String, Object> plan : Rows.query(c, "SELECT asset, token_symbol, token_decimals, paid_total, reserve FROM plans "
                + "WHERE chain_id = ? AND asset IS NOT NULL ORDER BY asset", chainId)) {
            Map<String, Object> t = byAsset.computeIfAbsent((String) plan.get("asset"), a -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("asset", a);
                row.put("tokenSymbol", null);
                row.put("tokenDecimals", null);
                row.put("plans", 0L);
                row.put("paidTotal", BigInteger.ZERO);
                row.put("reserveTotal", BigInteger.ZERO);
                return row;
            });
            if (plan.get("tokenSymbol") != null) {
                t.put("tokenSymbol", plan.get("tokenSymbol"));
            }
            if (plan.get("tokenDecimals") != null) {
                t.put("tokenDecimals", plan.get("tokenDecimals"));
            }
            t.put("plans", (Long) t.get("plans") + 1);
            t.put("paidTotal", ((BigInteger) t.get("paidTotal")).add(amount(plan.get("paidTotal"))));
            t.put("reserveTotal", ((BigInteger) t.get("reserveTotal")).add(amount(plan.get("reserve"))));
        }
        List<Map<String, Object>> out = new ArrayList<>(byAsset.values());
        out.sort(Comparator.comparingLong((Map<String, Object> t) -> -(Long) t.get("plans")));
        out.forEach(t -> {
            t.put("paidTotal", t.get("paidTotal").toString());
            t.put("reserveTotal", t.get("reserveTotal").toString());
        });
        return out;
    }

    private static BigInteger amount(Object v) {
        return v == null ? BigInteger.ZERO : new java.math.BigDecimal(v.toString()).toBigInteger();
    }
}
