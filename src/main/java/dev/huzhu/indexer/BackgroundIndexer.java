package dev.huzhu.indexer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Runs an {@link Indexer} in follow mode on its own thread until closed (for serve and the demo). */
public final class BackgroundIndexer implements AutoCloseable {
    private final Indexer indexer;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    /** Starts following; a fatal failure is passed to {@code onFailure} and ends the thread. */
    public BackgroundIndexer(Indexer indexer, Consumer<Exception> onFailure) {
        this.indexer = indexer;
        this.thread = new Thread(() -> {
            try {
                indexer.run(false, stop::get);
            } catch (Exception e) {
                if (!stop.get()) {
                    indexer.health().stopped(e.getMessage());
                    onFailure.accept(e);
                }
            }
        }, "huzhu-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the indexer has caught up with the head once (or {@code timeoutMs} passed). */
    public boolean awaitCaughtUp(java.util.function.BooleanSupplier caughtUp, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (caughtUp.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** What the indexer says about itself now. */
    public IndexerHealth health() {
        return indexer.health();
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        thread.interrupt();
        thread.join(10_000);
        indexer.close();
    }
}
