package dev.huzhu.indexer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexed data (events and every projection table) as sorted text lines, for comparing two
 * databases — SQLite or PostgreSQL alike. Bookkeeping tables (cursor, recent blocks, status) are
 * left out: how a run was split into ranges is allowed to differ.
 */
public final class TableDump {
    public static final List<String> DATA_TABLES = List.of("events", "plans", "members", "deposits", "contributions", "claims",
            "votes", "challenges", "payouts", "ratings", "points", "contracts");

    private TableDump() {}

    public static List<String> of(IndexDatabase db) throws Exception {
        return of(db, DATA_TABLES);
    }

    /** The rows of {@code tables}, as sorted text lines. */
    public static List<String> of(IndexDatabase db, List<String> tables) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.connect()) {
            for (String t : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder(t);
                        for (int i = 1; i <= n; i++) {
                            sb.append('|').append(rs.getMetaData().getColumnLabel(i).toLowerCase()).append('=').append(rs.getString(i));
                        }
                        lines.add(sb.toString());
                    }
                }
            }
            c.rollback();
        }
        lines.sort(null);
        return lines;
    }

    public static long count(IndexDatabase db, String sql) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
