package dev.huzhu.indexer;

import java.time.Duration;

/** Bounded exponential backoff: doubles from {@code initial} up to {@code max}, resets on success. */
public final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private long nextMs;

    public Backoff(Duration initial, Duration max) {
        this.initialMs = initial.toMillis();
        this.maxMs = max.toMillis();
        this.nextMs = initialMs;
    }

    /** The delay to wait now; the following one will be twice as long (bounded). */
    public long nextDelayMs() {
        long d = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return d;
    }

    public void reset() {
        nextMs = initialMs;
    }

    /** Sleeps {@link #nextDelayMs()}; returns false if interrupted. */
    public boolean pause() {
        try {
            Thread.sleep(nextDelayMs());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
