package dev.huzhu.indexer;

/**
 * How many blocks one {@code eth_getLogs} asks for. Halves when the node refuses a range (too
 * many results, range limit) or when a response carried far more logs than {@code targetLogs}
 * (big responses are slow on every node, superlinearly so on some); doubles when a response was
 * small. Stays within [1, max]. Thread-safe: the ranges fetched ahead ({@code FetchAhead}) adjust it on
 * their own thread.
 */
public final class AdaptiveRange {
    private final long max;
    private final int targetLogs;
    private long size;

    public AdaptiveRange(long initial, long max, int targetLogs) {
        if (initial < 1 || max < initial || targetLogs < 1) {
            throw new IllegalArgumentException("range must satisfy 1 <= initial <= max and targetLogs >= 1");
        }
        this.size = initial;
        this.max = max;
        this.targetLogs = targetLogs;
    }

    public synchronized long size() {
        return size;
    }

    /** After a refused range; returns false when already at one block (nothing left to shrink). */
    public synchronized boolean shrink() {
        if (size == 1) {
            return false;
        }
        size = Math.max(1, size / 2);
        return true;
    }

    /** After a successful range of {@code blocks} blocks that returned {@code logs} logs. */
    public synchronized void adjust(long blocks, int logs) {
        if (logs > 2L * targetLogs) {
            long scaled = Math.max(1, blocks * targetLogs / logs);
            size = Math.max(1, Math.min(size / 2, scaled));
        } else if (logs < targetLogs / 2 && blocks >= size) {
            size = Math.min(max, size * 2);
        }
    }
}
