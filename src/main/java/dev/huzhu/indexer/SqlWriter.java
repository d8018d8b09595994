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
 * Runs parameterised statements on one connection, preparing each SQL text once per
 * transaction. Binds BigInteger as exact NUMERIC, Boolean as 0/1.
 */
public final class SqlWriter implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public SqlWriter(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** Executes an INSERT/UPDATE/DELETE; returns the number of rows changed. */
    public int update(String sql, Object... params) throws SQLException {
        PreparedStatement ps = statement(sql);
        bind(ps, params);
        return ps.executeUpdate();
    }

    /** The rows of a query, each as an Object[] of its columns. */
    public List<Object[]> query(String sql, Object... params) throws SQLException {
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
