package dev.huzhu.indexer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs parameterised statements on one connection, preparing each SQL text once. Binds BigInteger
 * as exact NUMERIC, Boolean as 0/1.
 *
 * <p>{@link #append} queues an INSERT of a row that nothing changes afterwards (an event, a deposit, a
 * payout…); queued rows go to the database as one JDBC batch per SQL text (on PostgreSQL rewritten into
 * multi-row INSERTs) when {@link #flush} runs — before every {@link #query}, before an {@link #update}
 * of a table with queued rows, and before a commit. So every read and every change still sees them,
 * in order, while a range of hundreds of events costs a few round trips instead of one per row.
 */
public final class SqlWriter implements AutoCloseable {
    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile(
            "^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)", java.util.regex.Pattern.CASE_INSENSITIVE);
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    /** Queued rows per SQL text, in the order the texts were first used. */
    private final Map<String, List<Object[]>> queued = new java.util.LinkedHashMap<>();
    private final java.util.Set<String> queuedTables = new java.util.HashSet<>();

    public SqlWriter(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** Executes an INSERT/UPDATE/DELETE; returns the number of rows changed. */
    public int update(String sql, Object... params) throws SQLException {
        if (!queuedTables.isEmpty() && queuedTables.contains(table(sql))) {
            flush();
        }
        PreparedStatement ps = statement(sql);
        bind(ps, params);
        return ps.executeUpdate();
    }

    /**
     * Queues an INSERT of one row into a table whose rows are only ever added (see the class comment);
     * a row that cannot be inserted (e.g. a duplicate key) fails the flush, and so the transaction.
     */
    public void append(String sql, Object... params) {
        queued.computeIfAbsent(sql, k -> {
            queuedTables.add(table(k));
            return new ArrayList<>();
        }).add(params.clone());
    }

    /** Sends the queued rows, one JDBC batch per SQL text. */
    public void flush() throws SQLException {
        if (queued.isEmpty()) {
            return;
        }
        try {
            for (Map.Entry<String, List<Object[]>> q : queued.entrySet()) {
                PreparedStatement ps = statement(q.getKey());
                for (Object[] row : q.getValue()) {
                    bind(ps, row);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } finally {
            queued.clear();
            queuedTables.clear();
        }
    }

    /** Flushes the queued rows and commits. */
    public void commit() throws SQLException {
        flush();
        connection.commit();
    }

    /** Forgets the queued rows and rolls back. */
    public void rollback() throws SQLException {
        queued.clear();
        queuedTables.clear();
        connection.rollback();
    }

    private static String table(String sql) {
        java.util.regex.Matcher m = TARGET.matcher(sql);
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    /** The rows of a query, each as an Object[] of its columns (queued rows are flushed first). */
    public List<Object[]> query(String sql, Object... params) throws SQLException {
        flush();
        PreparedStatement ps = statement(sql);
        bind(ps, params);
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        return ps;
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int at = i + 1;
            if (p == null) {
                ps.setNull(at, Types.NULL);
            } else if (p instanceof BigInteger b) {
                ps.setBigDecimal(at, new BigDecimal(b));
            } else if (p instanceof Long l) {
                ps.setLong(at, l);
            } else if (p instanceof Integer n) {
                ps.setInt(at, n);
            } else if (p instanceof Boolean b) {
                ps.setInt(at, b ? 1 : 0);
            } else {
                ps.setString(at, p.toString());
            }
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        prepared.clear();
        if (first != null) {
            throw first;
        }
    }
}
