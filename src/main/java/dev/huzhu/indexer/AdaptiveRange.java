package dev.huzhu.indexer;

/**
 * How many blocks one {@code eth_getLogs} asks for: halves when the node refuses a range (too
 * many results, range limit), doubles after each success, within [1, max].
 */
public final class AdaptiveRange {
    private final long max;
    private long size;

    public AdaptiveRange(long initial, long max) {
        if (initial < 1 || max < initial) {
            throw new IllegalArgumentException("range must satisfy 1 <= initial <= max");
        }
        this.size = initial;
        this.max = max;
    }

    public long size() {
        return size;
    }

    /** After a refused range; returns false when already at one block (nothing left to shrink). */
    public boolean shrink() {
        if (size == 1) {
            return false;
        }
        size = Math.max(1, size / 2);
        return true;
    }

    /** After a successful range. */
    public void grow() {
        size = Math.min(max, size * 2);
    }
}
