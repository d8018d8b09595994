package dev.huzhu.indexer;

import dev.huzhu.protocol.EventDecoder;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Fetches the next ranges on a thread of its own while the indexer writes, up to {@link #DEPTH} ranges
 * ahead, one after the other (one request at a time, as {@link FetchOnly} measures the limit), so that
 * the node and the decoding never wait for the writer's bursts (a flush, a commit) and the writer never
 * waits for a fetch that started late. It stops at the target block, after a range that created plans
 * (their events are asked for only once the indexer has read their rules), and at the first error, which
 * the indexer gets in order, in place of the range.
 *
 * <p>The indexer takes the ranges in order and checks each against its cursor and plans ({@link #take});
 * anything else (a reorg, a retry, another indexer's cursor) drops the run: its results are never seen,
 * and a new run starts only after the old one's request in flight has ended (one thread).
 */
final class FetchAhead implements AutoCloseable {
    /**
     * Ranges fetched ahead at most (each of about {@link IndexerSettings#DEFAULT_TARGET_LOGS} logs, at most twice that): about as
     * many events as one transaction of {@link Indexer#MAX_TX_EVENTS} while catching up, so that the fetching goes on through
     * the writer's burst at the end of a transaction (the flush of its queued rows and the commit) instead of stalling on a
     * full queue and leaving the writer waiting afterwards.
     */
    static final int DEPTH = 16;
    private final ChainSource source;
    private final EventDecoder decoder;
    private final AdaptiveRange range;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "huzhu-index-prefetch");
        t.setDaemon(true);
        return t;
    });
    private Run run;
    private long waitedNanos;

    FetchAhead(ChainSource source, EventDecoder decoder, AdaptiveRange range) {
        this.source = source;
        this.decoder = decoder;
        this.range = range;
    }

    /** Put after a run's last range: nothing more comes from it. */
    private static final Object END = new Object();

    /** One run: the ranges from {@code next} up to {@code target}, asked for with the same factories and plans. */
    private final class Run implements Runnable {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
        private final List<String> factories;
        private final List<String> plans;
        private final long target;
        private long next;
        private volatile boolean dropped;

        Run(long next, long target, List<String> factories, List<String> plans) {
            this.next = next;
            this.target = target;
            this.factories = List.copyOf(factories);
            this.plans = List.copyOf(plans);
        }

        @Override
        public void run() {
            try {
                while (!dropped && next <= target) {
                    RangeFetch f = RangeFetch.fetch(source, decoder, factories, plans, next, Math.min(target, next + range.size() - 1));
                    range.adjust(f.to() - f.from() + 1, f.logCount());
                    if (!put(f)) {
                        return;
                    }
                    if (!f.createdPlans().isEmpty()) {
                        break;
                    }
                    next = f.to() + 1;
                }
                put(END);
            } catch (RuntimeException e) {
                put(e);
            } catch (Throwable e) { // an Error too must reach the writer, or it would wait for this run forever
                put(new RpcException("fetching ahead failed: " + e, false, e));
            }
        }

        /** Queues {@code o}, waiting for room; false once the run is dropped. */
        private boolean put(Object o) {
            try {
                while (!dropped) {
                    if (queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** Starts fetching ranges from {@code from} to {@code target}, unless a run is already on its way. */
    void start(long from, long target, List<String> factories, List<String> plans) {
        if (run != null || from > target) {
            return;
        }
        run = new Run(from, target, factories, plans);
        thread.execute(run);
    }

    /**
     * Whether this run fetches more ranges after {@code f} (which it delivered): the indexer is far behind
     * the target, so that it may keep its transaction open for the next range.
     */
    boolean moreAfter(RangeFetch f) {
        return run != null && f.to() < run.target && f.createdPlans().isEmpty();
    }

    /**
     * The next range of the run, if it starts at {@code from} and asked for {@code plans}; null (and the run
     * dropped) otherwise, or when no run is on its way or the run has ended. The run's error, in its place, is thrown.
     */
    RangeFetch take(long from, List<String> plans) {
        Run r = run;
        if (r == null) {
            return null;
        }
        Object o;
        try {
            long t0 = System.nanoTime();
            o = r.queue.take();
            waitedNanos += System.nanoTime() - t0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop();
            throw new RpcException("interrupted", false, e);
        }
        if (o == END) {
            run = null;
            return null;
        }
        if (o instanceof RuntimeException e) {
            drop();
            throw e;
        }
        RangeFetch f = (RangeFetch) o;
        if (f.from() != from || !r.plans.equals(plans)) {
            drop();
            return null;
        }
        return f;
    }

    /** How long the indexer waited for ranges fetched ahead, in all (a writer faster than the fetching waits). */
    long waitedNanos() {
        return waitedNanos;
    }

    /** Forgets the run: its results (and the request in flight) are never used. */
    void drop() {
        if (run != null) {
            run.dropped = true;
            run.queue.clear();
            run = null;
        }
    }

    @Override
    public void close() {
        drop();
        thread.shutdownNow();
    }
}
