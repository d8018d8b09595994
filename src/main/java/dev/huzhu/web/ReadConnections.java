package dev.huzhu.web;

import dev.huzhu.indexer.IndexDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A few database connections shared by the server's threads; each read ends its transaction. */
final class ReadConnections implements AutoCloseable {
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    ReadConnections(IndexDatabase db, int size) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection c = db.connect();
            all.add(c);
            idle.add(c);
        }
    }

    Connection take() throws InterruptedException {
        return idle.take();
    }

    /** Ends the read transaction (so the next read sees new data) and returns the connection. */
    void give(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // a broken connection still goes back; the next query reports the problem
        }
        idle.add(c);
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
