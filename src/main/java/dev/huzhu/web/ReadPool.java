package dev.huzhu.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.huzhu.indexer.IndexDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The server's read connections (HikariCP). Each request borrows one, reads in one transaction
 * (auto-commit off: one consistent snapshot per answer), and returns it; the pool rolls the read
 * back. A request that waits longer than {@link #WAIT_MS} for a connection is answered 503.
 */
final class ReadPool implements AutoCloseable {
    static final long WAIT_MS = 5_000;
    private final HikariDataSource pool;

    ReadPool(IndexDatabase db, int size) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("huzhu-read");
        c.setJdbcUrl(db.url());
        if (db.user() != null) {
            c.setUsername(db.user());
            c.setPassword(db.password());
        }
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(size);
        c.setAutoCommit(false);
        c.setConnectionTimeout(WAIT_MS);
        if (db.isSqlite()) {
            c.setConnectionInitSql("PRAGMA busy_timeout=30000"); // the file is in WAL mode: readers never wait for the writer
        } else {
            c.setReadOnly(true);
        }
        this.pool = new HikariDataSource(c);
    }

    /** A connection for one request; {@link Busy} when none came free in time. */
    Connection borrow() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw new Busy("all " + pool.getMaximumPoolSize() + " database connections stayed busy for " + WAIT_MS / 1000 + " s; retry shortly");
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The server is saturated: answered 503 with Retry-After. */
    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }
}
