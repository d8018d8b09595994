package dev.huzhu.indexer.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Migration 10, SQLite only: every {@code NUMERIC(78,0)} amount column becomes TEXT holding the exact
 * decimal string of base units. SQLite's NUMERIC affinity stores an integer of 2^63 or more as a
 * REAL (8 bytes of floating point): about 9.2 tokens of an 18-decimal token, so a DAI plan's reserve
 * or a member's balance came back rounded. PostgreSQL's NUMERIC(78,0) is exact and is left alone; the
 * index's writer adds amounts in Java on SQLite ({@code SqlWriter}) and the API sums them in Java.
 *
 * <p>SQLite cannot change a column's type in place, so each table that has such a column is rebuilt
 * from its own CREATE statement (read from sqlite_schema, so columns added by any earlier migration
 * are kept), its rows copied, and its indexes created again. Runs after every SQL migration of the
 * same or lower version; a later migration that adds an amount column must declare it TEXT.
 */
public final class ExactAmountsOnSqlite extends VendorMigration {
    private static final Pattern NUMERIC = Pattern.compile("NUMERIC\\s*\\(\\s*78\\s*,\\s*0\\s*\\)", Pattern.CASE_INSENSITIVE);

    public ExactAmountsOnSqlite() {
        super("10", "exact amounts on sqlite", "SQLite", 10_001);
    }

    @Override
    void migrateOn(Connection c) throws SQLException {
        for (String[] table : tablesWithNumericAmounts(c)) {
            rebuild(c, table[0], table[1]);
        }
    }

    /** (name, CREATE statement) of every table with a NUMERIC(78,0) column. */
    private static List<String[]> tablesWithNumericAmounts(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                String sql = rs.getString(2);
                if (sql != null && NUMERIC.matcher(sql).find()) {
                    out.add(new String[] {rs.getString(1), sql});
                }
            }
        }
        return out;
    }

    private static void rebuild(Connection c, String table, String create) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
        }
        String staging = table + "_exact";
        String header = Pattern.compile("^\\s*CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?\"?" + Pattern.quote(table) + "\"?",
                Pattern.CASE_INSENSITIVE).matcher(create).replaceFirst("CREATE TABLE " + staging);
        String rebuilt = NUMERIC.matcher(header).replaceAll("TEXT");
        try (Statement s = c.createStatement()) {
            s.execute(rebuilt);
            // integers already stored become their exact decimal text under the TEXT affinity
            s.execute("INSERT INTO " + staging + " SELECT * FROM " + table);
            s.execute("DROP TABLE " + table);
            s.execute("ALTER TABLE " + staging + " RENAME TO " + table);
            for (String index : indexes) {
                s.execute(index);
            }
        }
    }
}
