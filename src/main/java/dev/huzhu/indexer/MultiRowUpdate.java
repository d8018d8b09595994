package dev.huzhu.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On PostgreSQL, the pending changes of many rows of one table that change the same columns the same way, written by one
 * statement instead of one per row:
 * <pre>
 * UPDATE members AS t SET balance = v.s0, contributed = t.contributed + v.s1
 * FROM (VALUES (?::numeric, ?::numeric, ?::bigint, ?::text, ?::text), …) AS v(s0, s1, k0, k1, k2)
 * WHERE t.chain_id = v.k0 AND t.plan = v.k1 AND t.member = v.k2
 * </pre>
 * The indexer's session plans every statement with its parameters ({@code SqlWriter}'s custom plans), so a row per
 * statement meant a plan per row: 49,100 single-row UPDATEs of {@code members} took 3.7 s of a 500k-event pass's server
 * time. Every value is cast to its column's type, so the rows' parameter types never have to agree (a NULL, a decimal
 * text for a NUMERIC). The keys of one statement's rows are distinct (one pending change per row), so each row is
 * updated once. {@link #select} reads the stored values of a chunk of rows the same way ({@code SqlWriter}'s decimal-text
 * sums: 48,100 SELECT-then-UPDATE pairs of {@code plan_points} in the same pass became 96 of each).
 */
final class MultiRowUpdate {
    /** Rows per statement, largest first: n pending rows go as greedy chunks of these (a few SQL texts per shape). */
    static final int[] CHUNKS = {500, 100, 20, 5};
    private static final Pattern EQUALITY = Pattern.compile("^\\s*(\\w+)\\s*=\\s*\\?\\s*$");

    /** The chunks {@code rows} pending rows go in, largest first ({@link #CHUNKS}); the rest, fewer than the smallest, are left out. */
    static List<Integer> chunks(int rows) {
        List<Integer> out = new ArrayList<>();
        int left = rows;
        for (int chunk : CHUNKS) {
            for (; left >= chunk; left -= chunk) {
                out.add(chunk);
            }
        }
        return out;
    }

    private final String table;
    private final List<String> columns;
    private final List<Boolean> added;
    private final List<String> keys;

    private MultiRowUpdate(String table, List<String> columns, List<Boolean> added, List<String> keys) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.added = List.copyOf(added);
        this.keys = List.copyOf(keys);
    }

    /**
     * The shape of an UPDATE that sets {@code columns} ({@code added}: {@code col = col + ?} rather than {@code col = ?})
     * of the row {@code where} selects; empty when {@code where} is not a conjunction of {@code column = ?} equalities.
     */
    static Optional<MultiRowUpdate> of(String table, List<String> columns, List<Boolean> added, String where) {
        List<String> keys = new ArrayList<>();
        for (String part : where.split("(?i)\\s+AND\\s+")) {
            Matcher m = EQUALITY.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            keys.add(m.group(1));
        }
        return Optional.of(new MultiRowUpdate(table, columns, added, keys));
    }

    /**
     * The SELECT of {@code keys} then {@code columns} of the {@code rows} rows whose keys are the parameters ({@code rows}
     * tuples, cast to the keys' types): {@code SELECT k…, c… FROM t WHERE (k…) IN (VALUES (?::type, …), …)}; empty when a
     * key's type is unknown.
     */
    static Optional<String> select(String table, List<String> keys, List<String> columns, int rows, Map<String, String> types) {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < keys.size(); i++) {
            String type = types.get(keys.get(i));
            if (type == null) {
                return Optional.empty();
            }
            tuple.append(i == 0 ? "" : ", ").append("?::").append(type);
        }
        tuple.append(')');
        List<String> all = new ArrayList<>(keys);
        all.addAll(columns);
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", all)).append(" FROM ").append(table)
                .append(" WHERE (").append(String.join(", ", keys)).append(") IN (VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append(tuple);
        }
        return Optional.of(sql.append(')').toString());
    }

    String table() {
        return table;
    }

    /** The key's parameters, the last of each row's. */
    int keyCount() {
        return keys.size();
    }

    /** Parameters per row: the columns' values, then the key's. */
    int width() {
        return columns.size() + keys.size();
    }

    /**
     * The statement for {@code rows} rows, with {@code types} (column name to SQL type) for the casts; empty when a column's
     * type is unknown.
     */
    Optional<String> sql(int rows, Map<String, String> types) {
        List<String> casts = new ArrayList<>();
        for (String c : columns) {
            casts.add(types.get(c));
        }
        for (String k : keys) {
            casts.add(types.get(k));
        }
        if (casts.contains(null)) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" AS t SET ");
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            sql.append(i == 0 ? "" : ", ").append(c).append(" = ").append(added.get(i) ? "t." + c + " + " : "").append("v.s").append(i);
        }
        sql.append(" FROM (VALUES ");
        StringBuilder row = new StringBuilder("(");
        for (int i = 0; i < casts.size(); i++) {
            row.append(i == 0 ? "" : ", ").append("?::").append(casts.get(i));
        }
        row.append(')');
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append(row);
        }
        sql.append(") AS v(");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("s").append(i);
        }
        for (int i = 0; i < keys.size(); i++) {
            sql.append(", k").append(i);
        }
        sql.append(") WHERE ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append("t.").append(keys.get(i)).append(" = v.k").append(i);
        }
        return Optional.of(sql.toString());
    }
}
