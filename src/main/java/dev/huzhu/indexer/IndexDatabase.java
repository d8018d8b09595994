package dev.huzhu.indexer;

import dev.huzhu.indexer.migration.ExactAmountsOnSqlite;
import dev.huzhu.protocol.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The index database: an SQLite file by default, PostgreSQL when the URL says so. Both run the
 * same Flyway migrations from {@code db/migration}.
 */
public final class IndexDatabase {
    private final String url;
    private final String user;
    private final String password;

    private IndexDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Opens {@code url} ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}) and brings its
     * schema up to date. User and password for PostgreSQL may sit in the URL or in PGUSER/PGPASSWORD.
     */
    public static IndexDatabase open(String url) {
        if (url == null || !(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"))) {
            throw new InvalidInputException("--db must be jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB, got: " + url);
        }
        String user = url.startsWith("jdbc:postgresql:") && !url.contains("user=") ? System.getenv("PGUSER") : null;
        String password = url.startsWith("jdbc:postgresql:") && !url.contains("password=") ? System.getenv("PGPASSWORD") : null;
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (java.io.IOException e) {
                throw new InvalidInputException("cannot create the directory for " + file + ": " + e.getMessage());
            }
        }
        IndexDatabase db = new IndexDatabase(url, user, password);
        db.migrate();
        return db;
    }

    /** The default database of a chain: an SQLite file under {@code dir}. */
    public static String defaultUrl(Path dir, long chainId) {
        return "jdbc:sqlite:" + dir.resolve("index-" + chainId + ".db").toAbsolutePath();
    }

    public String url() {
        return url;
    }

    /** The PostgreSQL user when it is not in the URL (PGUSER), else null. */
    public String user() {
        return user;
    }

    /** The PostgreSQL password when it is not in the URL (PGPASSWORD), else null. */
    public String password() {
        return password;
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /**
     * SQLite's page size for a new index file. The index is written mostly by appending rows in key order (events,
     * deposits, contributions, points…), and SQLite's cost per row falls with bigger pages: fewer pages to split, fill,
     * write to the WAL and checkpoint. Inserting the rows of a 200,000-event index in the indexer's transactions cost 3.08 s
     * of CPU with 4 KiB pages (SQLite's default), 2.64 s with 8 KiB, 2.36 s with 16 KiB and 2.17 s with 32 KiB (see
     * docs/indexer.md); 16 KiB keeps a point read of the API to one small page while taking most of the gain. A file
     * keeps the page size it was created with (in WAL mode even VACUUM cannot change it).
     */
    static final int SQLITE_PAGE_SIZE = 16_384;

    private void migrate() {
        try {
            if (isSqlite()) {
                prepareSqliteFile();
            }
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .javaMigrations(new ExactAmountsOnSqlite(), new dev.huzhu.indexer.migration.WideWatcherSinks(),
                            new dev.huzhu.indexer.migration.RoomForRowUpdates())
                    .outOfOrder(true) // migrations numbered by different authors may land in another order
                    .load()
                    .migrate();
        } catch (RuntimeException | SQLException e) {
            throw new IndexerException("cannot prepare the index database " + dev.huzhu.chain.Redaction.url(url) + ": " + dev.huzhu.chain.Redaction.text(rootMessage(e)), e);
        }
    }

    /**
     * A new connection with auto-commit off; for SQLite (WAL mode since migration) with a busy timeout,
     * for PostgreSQL with batched inserts rewritten into multi-row INSERTs.
     */
    public Connection connect() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (!isSqlite()) {
            props.setProperty("reWriteBatchedInserts", "true"); // SqlWriter's batches become multi-row INSERTs
        }
        Connection c = DriverManager.getConnection(url, props);
        if (isSqlite()) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=30000");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA cache_size=-65536");
            }
        }
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Before the migrations, in one connection: a new (empty) SQLite file gets {@link #SQLITE_PAGE_SIZE} pages (the size
     * must be set before anything is written; an existing file keeps its own), and every file is put in WAL mode
     * (persistent: readers never block the writer), which for a new file writes its header with that page size.
     */
    private void prepareSqliteFile() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=30000");
            boolean empty;
            try (java.sql.ResultSet r = s.executeQuery("PRAGMA page_count")) {
                empty = r.next() && r.getLong(1) == 0;
            }
            if (empty) {
                s.execute("PRAGMA page_size=" + SQLITE_PAGE_SIZE);
            }
            s.execute("PRAGMA journal_mode=WAL");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
