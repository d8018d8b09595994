package dev.huzhu.web;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a read query and returns its rows as JSON-ready maps: snake_case columns become camelCase
 * keys, token amounts become exact decimal strings (base units), flags become booleans.
 */
final class Rows {
    /** No read of the API may take longer than this (seconds); the request then fails with a 500 naming the timeout. */
    static final int QUERY_TIMEOUT_S = 10;
    private static final Set<String> AMOUNTS = Set.of("amount", "balance", "balance_after", "contributed", "reserve", "fees",
            "paid_total", "contribution", "max_payout", "bond", "paid_amount", "reserve_total", "deposited", "withdrawn", "total",
            "paid", "owed", "owed_total", "exit_pool", "exit_paid", "exit_share", "deposit_back", "reward", "forfeited", "accrued", "minted",
            "bonds_held", "shares_due", "shares_paid", "withdrawable", "goal", "raised", "matched", "released", "refunded");
    private static final Set<String> FLAGS = Set.of("approve", "appealed", "closed", "exits_open", "committed", "revealed", "plan_closed", "cancelled");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private Rows() {}

    static List<Map<String, Object>> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(QUERY_TIMEOUT_S);
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (p instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, p == null ? null : p.toString());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String col = md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        row.put(camel(col), value(col, rs.getObject(i)));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        Object v = query(c, sql, params).get(0).values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Object value(String col, Object v) {
        if (v == null) {
            return null;
        }
        if (col.equals("status") && v instanceof String s) {
            return s.toLowerCase(java.util.Locale.ROOT); // one spelling with the CLI: SolidityEnum.label() ("paid", "active")
        }
        if (AMOUNTS.contains(col) || col.endsWith("_amount") || col.endsWith("_total") && !col.startsWith("members") && !col.startsWith("claims")) {
            return v instanceof BigDecimal b ? b.toPlainString() : v instanceof Double d ? BigDecimal.valueOf(d).toBigInteger().toString() : v.toString();
        }
        if ("assessors".equals(col)) { // stored as a JSON array: served as one, not as a string inside the JSON
            try {
                return JSON.readValue(v.toString(), java.util.List.class);
            } catch (java.io.IOException e) {
                return v.toString();
            }
        }
        if (FLAGS.contains(col)) {
            return ((Number) v).intValue() != 0;
        }
        if (v instanceof BigDecimal b) {
            return b.scale() <= 0 ? (Object) b.longValue() : b.doubleValue();
        }
        return v;
    }

    static String camel(String col) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : col.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }
}
