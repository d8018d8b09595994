package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merged row changes of {@link SqlWriter#change}: same results as running each UPDATE at once, in order. */
class SqlWriterTest {
    @TempDir
    Path dir;

    private SqlWriter writer() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + Files.createTempFile(dir, "w", ".db"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE m (k VARCHAR(8) PRIMARY KEY, balance NUMERIC(78,0) NOT NULL DEFAULT 0, paid BIGINT, n INTEGER NOT NULL DEFAULT 0)");
            s.execute("INSERT INTO m (k, balance) VALUES ('a', 100), ('b', 7)");
        }
        c.setAutoCommit(false);
        return new SqlWriter(c);
    }

    private static List<Object> row(SqlWriter w, String k) throws Exception {
        Object[] r = w.query("SELECT balance, paid, n FROM m WHERE k = ?", k).get(0);
        return List.of(((Number) r[0]).longValue(), r[1] == null ? -1L : ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    }

    @Test
    void setThenAddMergesLikeTheUpdatesInOrder() throws Exception {
        try (SqlWriter w = writer()) {
            // at once these would be: balance = 50; balance = balance - 20; paid = 9; n = n + 1; balance = balance + 5; n = n + 1
            w.change("m", "k = ?", "a").set("balance", BigInteger.valueOf(50)).add("balance", BigInteger.valueOf(-20)).set("paid", 9L).add("n", 1);
            w.change("m", "k = ?", "a").add("balance", BigInteger.valueOf(5)).add("n", 1);
            w.change("m", "k = ?", "b").add("balance", BigInteger.valueOf(3));
            assertEquals(List.of(35L, 9L, 2L), row(w, "a")); // a query of the table flushes first
            assertEquals(List.of(10L, -1L, 0L), row(w, "b"));
            // a set after an add replaces it
            w.change("m", "k = ?", "b").add("balance", BigInteger.valueOf(1000)).set("balance", BigInteger.valueOf(4));
            w.commit();
            assertEquals(List.of(4L, -1L, 0L), row(w, "b"));
        }
    }

    @Test
    void anUpdateOfTheTableSeesThePendingChangesAndRollbackForgetsThem() throws Exception {
        try (SqlWriter w = writer()) {
            w.change("m", "k = ?", "a").add("balance", BigInteger.valueOf(1));
            // runs after the pending change (101 * 2), not before it ((100 * 2) + 1)
            w.update("UPDATE m SET balance = balance * 2 WHERE k = ?", "a");
            assertEquals(202L, row(w, "a").get(0));
            w.change("m", "k = ?", "a").add("balance", BigInteger.valueOf(1));
            w.rollback();
            assertEquals(100L, row(w, "a").get(0));
            // a change of a row that does not exist changes nothing, as the UPDATE would have
            w.change("m", "k = ?", "zz").add("balance", BigInteger.ONE);
            w.commit();
            assertEquals(2, w.query("SELECT k FROM m").size());
        }
    }

    @Test
    void textSumsInsertThenAddExactlyBeyondALong() throws Exception {
        try (SqlWriter w = writer()) {
            w.update("CREATE TABLE p (a VARCHAR(8), b VARCHAR(8), x TEXT NOT NULL, y TEXT NOT NULL, PRIMARY KEY (a, b))");
            String[] key = {"a", "b"};
            BigInteger big = BigInteger.TWO.pow(70).add(BigInteger.ONE); // 1180591620717411303425
            w.textSums("p", key, "k", "1").add("x", big).add("y", BigInteger.ZERO);
            w.textSums("p", key, "k", "1").add("x", BigInteger.TWO);
            w.commit(); // inserted with the merged sums
            assertEquals(List.of("1180591620717411303427", "0"), List.of(w.query("SELECT x, y FROM p").get(0)));
            w.textSums("p", key, "k", "1").add("y", BigInteger.valueOf(5)).add("x", BigInteger.TEN);
            assertEquals(List.of("1180591620717411303437", "5"), List.of(w.query("SELECT x, y FROM p WHERE a = ?", "k").get(0)));
        }
    }

    @Test
    void rowChangesOnSqliteAddExactlyPastTwoToTheSixtyThree() throws Exception {
        try (SqlWriter w = writer()) {
            // an amount column as migration 10 leaves it on SQLite: TEXT with exact decimal strings
            w.update("CREATE TABLE q (k VARCHAR(8) PRIMARY KEY, reserve TEXT NOT NULL DEFAULT 0, n INTEGER NOT NULL DEFAULT 0)");
            w.update("INSERT INTO q (k, reserve) VALUES ('a', '9223372036854775807')"); // 2^63 - 1
            BigInteger ten18 = BigInteger.TEN.pow(18);
            w.change("q", "k = ?", "a").add("reserve", ten18).add("n", 1);
            w.change("q", "k = ?", "a").add("reserve", ten18.negate().add(BigInteger.TWO)).add("n", 1);
            // by hand: 9223372036854775807 + 10^18 - 10^18 + 2 = 9223372036854775809 (SQL arithmetic gives 9223372036854775808.0)
            assertEquals(List.of("9223372036854775809", 2), List.of(w.query("SELECT reserve, n FROM q").get(0)));
            w.change("q", "k = ?", "a").add("reserve", ten18.multiply(BigInteger.valueOf(50)));
            w.commit();
            assertEquals("59223372036854775809", w.query("SELECT reserve FROM q").get(0)[0]);
        }
    }

    /** Rows of {@code table} the database holds now, counted on the connection without flushing anything. */
    private static long stored(SqlWriter w, String table) throws Exception {
        try (Statement s = w.connection().createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aReadSendsOnlyTheTablesItReadsAndTheOthersKeepBatching() throws Exception {
        try (SqlWriter w = writer()) {
            w.update("CREATE TABLE e (n INTEGER PRIMARY KEY)");
            w.append("INSERT INTO e (n) VALUES (?)", 1);
            w.change("m", "k = ?", "a").add("n", 1);
            w.append("INSERT INTO e (n) VALUES (?)", 2);
            assertEquals(List.of(100L, -1L, 1L), row(w, "a")); // reads m: m's change is written
            assertEquals(0, stored(w, "e")); // e's rows are still queued
            w.change("m", "k = ?", "b").add("n", 5);
            assertEquals(List.of(1, 2), w.query("SELECT n FROM e ORDER BY n").stream().map(r -> ((Number) r[0]).intValue()).toList());
            assertEquals(0, ((Number) w.connection().createStatement().executeQuery("SELECT n FROM m WHERE k = 'b'").getObject(1)).intValue());
            // an UPDATE whose WHERE reads another table sends that table's rows first
            w.append("INSERT INTO e (n) VALUES (?)", 3);
            assertEquals(1, w.update("UPDATE m SET paid = (SELECT MAX(n) FROM e) WHERE k = ?", "a"));
            assertEquals(List.of(100L, 3L, 1L), row(w, "a"));
            w.commit(); // everything else
            assertEquals(List.of(7L, -1L, 5L), row(w, "b"));
        }
    }

    @Test
    void aLongBatchIsSentEveryThousandRowsWithItsTablesChangesAndTheRestStaysQueued() throws Exception {
        try (SqlWriter w = writer()) {
            w.update("CREATE TABLE e (n INTEGER PRIMARY KEY)");
            w.update("CREATE TABLE f (n INTEGER PRIMARY KEY)");
            w.append("INSERT INTO f (n) VALUES (?)", 1);
            w.change("m", "k = ?", "a").add("n", 1);
            for (int i = 0; i < 2_500; i++) {
                w.append("INSERT INTO e (n) VALUES (?)", i);
            }
            assertEquals(2_000, stored(w, "e")); // two batches of 1,000 sent, 500 rows still queued
            assertEquals(0, stored(w, "f")); // the other tables keep batching
            assertEquals(0, ((Number) w.connection().createStatement().executeQuery("SELECT n FROM m WHERE k = 'a'").getObject(1)).intValue());
            w.commit();
            assertEquals(2_500, stored(w, "e"));
            assertEquals(1, stored(w, "f"));
            assertEquals(List.of(100L, -1L, 1L), row(w, "a"));
        }
    }
}
