package dev.huzhu.indexer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Indexes, then delivers each new payout (or every claim event) to stdout and/or a webhook, in
 * chain order, at least once: the delivery cursor advances only after a delivery succeeded, so a
 * crash in between re-delivers with the same idempotency key.
 */
public final class PayoutWatcher implements AutoCloseable {
    private static final int PAGE = 200;

    /** Where and what to deliver. */
    public record Options(String plan, boolean allClaimEvents, long fromBlock, Consumer<String> lines, WebhookSender webhook) {}

    private final Indexer indexer;
    private final Connection connection;
    private final SqlWriter w;
    private final DeliveryCursor cursor;
    private final Options options;
    private final Consumer<String> warnings;

    public PayoutWatcher(Indexer indexer, IndexDatabase db, long chainId, String sink, Options options, Consumer<String> warnings)
            throws SQLException {
        this.indexer = indexer;
        this.connection = db.connect();
        this.w = new SqlWriter(connection);
        this.cursor = new DeliveryCursor(chainId, sink);
        this.options = options;
        this.warnings = warnings;
    }

    /** Follows the chain until {@code stop}; with {@code once}, returns after delivering what exists now. */
    public void run(boolean once, BooleanSupplier stop) throws SQLException {
        Backoff poll = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2));
        while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                indexer.run(true, stop);
            } catch (IndexerException e) {
                if (once) {
                    throw e;
                }
                warnings.accept(e.getMessage());
            }
            int delivered = deliverPending(stop);
            if (delivered < 0 || once) {
                return;
            }
            if (delivered == 0 && !poll.pause()) {
                return;
            } else if (delivered > 0) {
                poll.reset();
            }
        }
    }

    /**
     * Delivers everything pending; returns how many, or -1 if stopped midway. First the retractions: a delivered
     * event that a reorg removed is announced as retracted (event "Retracted", its own idempotency key) and the
     * cursor rewinds to its position, so the canonical events that replaced it are delivered after.
     */
    int deliverPending(BooleanSupplier stop) throws SQLException {
        int count = 0;
        for (Notification r : cursor.retracted(w, cursor.position(w, options.fromBlock()))) {
            if (stop.getAsBoolean() || !send(r)) {
                return -1;
            }
            cursor.retract(w, r, cursor.position(w, options.fromBlock()));
            count++;
        }
        while (true) {
            long[] pos = cursor.position(w, options.fromBlock());
            List<Notification> batch = cursor.pending(w, pos, options.plan(), options.allClaimEvents(), PAGE);
            if (batch.isEmpty()) {
                return count;
            }
            for (Notification n : batch) {
                if (stop.getAsBoolean() || !send(n)) {
                    return -1;
                }
                cursor.advance(w, n);
                count++;
            }
        }
    }

    /** One message to the sink's lines and webhook; false if the webhook was stopped before it succeeded. */
    private boolean send(Notification n) {
        if (options.lines() != null) {
            options.lines().accept(n.toJson());
        }
        return options.webhook() == null || options.webhook().deliver(n,
                (attempt, problem) -> warnings.accept("webhook attempt " + attempt + " for " + n.idempotencyKey() + " failed: " + problem));
    }

    @Override
    public void close() throws SQLException {
        try {
            w.close();
        } finally {
            connection.close();
        }
    }
}
