package dev.huzhu.indexer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One event at a time, one transaction each: the write path of the naive baseline in
 * scripts/bench-indexer (same SQL and projections as {@link EventStore}, committed per event on
 * an auto-commit connection). Not used by the indexer.
 */
public final class NaiveIngest implements AutoCloseable {
    private final EventStore store;
    private final SqlWriter w;

    public NaiveIngest(Connection autoCommit, long chainId) throws SQLException {
        this.store = new EventStore(chainId, new Projector());
        this.w = new SqlWriter(autoCommit);
    }

    /** Stores {@code e} (scope {@code plan}) and its projection, committed on its own; returns 1 if new. */
    public int storeAndCommit(DecodedEvent e, String plan) throws SQLException {
        w.connection().setAutoCommit(false);
        try {
            int n = store.commitEvents(w, List.of(new EventStore.ScopedEvent(e, plan)));
            w.commit();
            return n;
        } finally {
            w.connection().setAutoCommit(true);
        }
    }

    @Override
    public void close() throws SQLException {
        w.close();
    }
}
