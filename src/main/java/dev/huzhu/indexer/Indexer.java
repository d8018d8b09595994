package dev.huzhu.indexer;

import dev.huzhu.protocol.EventDecoder;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Follows the Huzhu contracts of one chain into the index database: batched {@code eth_getLogs}
 * over an adaptive block range (the next range is fetched while the current one is written),
 * exactly-once writes with the cursor in the same transaction, parent-hash checks with rollback to
 * the common ancestor on a reorg, retries with bounded backoff.
 */
public final class Indexer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Indexer.class);
    private static final String ZERO_HASH = "0x" + "0".repeat(64);
    private static final int ONCE_MAX_FAILURES = 6;

    /** What one step did. */
    public enum Step { ADVANCED, IDLE, REORG, RETRY }

    /** Progress reports; all methods optional. */
    public interface Listener {
        default void batch(long from, long to, int events, int fresh) {}

        default void reorg(long cursor, long ancestor, Set<String> rebuilt) {}

        default void retry(String problem, long delayMs) {}

        default void idle(long head, long indexed) {}
    }

    private final ChainSource source;
    private final IndexerSettings settings;
    private final EventDecoder decoder;
    private final EventStore store;
    private final Listener listener;
    private final Connection connection;
    private final SqlWriter w;
    private final AdaptiveRange range;
    private final PlanRules planRules;
    private final ExecutorService prefetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "huzhu-index-prefetch");
        t.setDaemon(true);
        return t;
    });
    private Future<RangeFetch> ahead;
    private long aheadFrom = -1;
    private long head = -1;
    private boolean rulesChecked;
    private long lastStatusMs;

    public Indexer(IndexDatabase db, ChainSource source, long chainId, IndexerSettings settings, EventDecoder decoder, Listener listener)
            throws SQLException {
        this.source = source;
        this.settings = settings;
        this.decoder = decoder;
        this.store = new EventStore(chainId, new Projector());
        this.listener = listener == null ? new Listener() {} : listener;
        this.connection = db.connect();
        this.w = new SqlWriter(connection);
        this.range = new AdaptiveRange(settings.initialRange(), settings.maxRange(), settings.targetLogs());
        this.planRules = new PlanRules(source);
    }

    /**
     * Indexes until {@code stop} says so; with {@code once}, until the target block is reached.
     * Transient RPC failures are retried by a Failsafe policy with exponential backoff (0.5 s doubling
     * to 30 s; in once mode {@value #ONCE_MAX_FAILURES} attempts, then an IndexerException); a
     * permanent one (HTTP 4xx, method not found) is never retried. "Range too large" shrinks the
     * range and asks again at once.
     */
    public void run(boolean once, BooleanSupplier stop) throws SQLException {
        Backoff poll = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2));
        RetryPolicy<Step> retries = RetryPolicy.<Step>builder()
                .handleIf(e -> e instanceof RpcException r && !r.permanent())
                .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(30))
                .withMaxAttempts(once ? ONCE_MAX_FAILURES : -1)
                .abortIf((result, e) -> stop.getAsBoolean())
                .onRetryScheduled(ev -> {
                    String problem = ev.getLastException().getMessage();
                    LOG.warn("{}; retrying in {} ms", problem, ev.getDelay().toMillis());
                    listener.retry(problem, ev.getDelay().toMillis());
                    safeStatus(problem);
                })
                .build();
        while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            Step s;
            try {
                s = Failsafe.with(retries).get(this::stepShrinking);
            } catch (RpcException e) {
                if (stop.getAsBoolean()) {
                    return; // asked to stop while the node was failing
                }
                safeStatus(e.getMessage());
                throw new IndexerException((e.permanent() ? "not retried (a permanent error): " : "giving up after " + ONCE_MAX_FAILURES + " failed attempts: ")
                        + e.getMessage(), e);
            } catch (FailsafeException e) {
                if (e.getCause() instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw e;
            }
            if (s == null) { // aborted: asked to stop during a retry
                return;
            }
            if (s == Step.IDLE) {
                if (once || !poll.pause()) {
                    return;
                }
            } else if (s == Step.RETRY) {
                if (!poll.pause()) { // the chain moved while we read it: read again shortly
                    return;
                }
            } else {
                poll.reset();
            }
        }
    }

    /** {@link #step()}, asking for fewer blocks at once for as long as the node says the range is too large. */
    private Step stepShrinking() throws SQLException {
        while (true) {
            try {
                return step();
            } catch (RpcException e) {
                dropAhead();
                if (!e.rangeTooLarge() || !range.shrink()) {
                    throw e;
                }
                listener.retry(e.getMessage() + "; asking for " + range.size() + " blocks at a time", 0);
            }
        }
    }

    /** Indexes one block range (or detects a reorg, or finds nothing to do). */
    public Step step() throws SQLException {
        EventStore.Cursor cur = cursor();
        long target = head - settings.confirmations();
        if (head < 0 || cur.number() >= target) {
            dropAhead();
            head = source.head(settings.finality());
            target = head - settings.confirmations();
            store.saveStatus(w, head, target, cur.number(), null);
            lastStatusMs = System.currentTimeMillis();
            if (cur.number() >= target) {
                if (cur.number() >= 0 && !canonical(cur)) {
                    handleReorg(cur);
                    return Step.REORG;
                }
                listener.idle(head, cur.number());
                return Step.IDLE;
            }
        }
        long from = cur.number() + 1;
        List<String> plans = knownPlans();
        RangeFetch f = takeAhead(from, plans);
        if (f == null) {
            f = RangeFetch.fetch(source, decoder, settings.factories(), plans, from, Math.min(target, from + range.size() - 1));
        }
        if (!f.first().parentHash().equalsIgnoreCase(cur.hash())) {
            handleReorg(cur);
            return Step.REORG;
        }
        if (!f.consistent()) {
            return Step.RETRY; // the chain changed while we read it
        }
        range.adjust(f.to() - f.from() + 1, f.logs().size());
        if (f.createdPlans().isEmpty() && f.to() < target) {
            long next = f.to() + 1;
            long nextTo = Math.min(target, next + range.size() - 1);
            aheadFrom = next;
            ahead = prefetcher.submit(() -> RangeFetch.fetch(source, decoder, settings.factories(), plans, next, nextTo));
        }
        List<EventStore.ScopedEvent> events = new ArrayList<>(f.events().size());
        for (DecodedEvent e : f.events()) {
            events.add(new EventStore.ScopedEvent(e, scopeOf(e)));
        }
        for (Map.Entry<String, Long> p : f.createdPlans().entrySet()) {
            store.discover(w, p.getKey(), p.getValue());
        }
        int fresh = store.commit(w, events, f.headers().values(), f.headers().get(f.to()), cur);
        if (fresh < 0) {
            dropAhead();
            return Step.RETRY; // another indexer on this database moved the cursor meanwhile: start again from it
        }
        if (fresh > 0) {
            planRules.fillMissing(w, store.chainId());
        }
        listener.batch(f.from(), f.to(), events.size(), fresh);
        if (System.currentTimeMillis() - lastStatusMs > 1000) {
            store.saveStatus(w, head, target, f.to(), null);
            lastStatusMs = System.currentTimeMillis();
        }
        return Step.ADVANCED;
    }

    private List<String> knownPlans() throws SQLException {
        List<String> plans = new ArrayList<>(new LinkedHashSet<>(concat(settings.plans(), store.discoveredPlans(w))));
        w.rollback(); // end the read
        return plans;
    }

    /** The range fetched ahead, if it starts at {@code from} and asked for the same plans. */
    private RangeFetch takeAhead(long from, List<String> plans) {
        Future<RangeFetch> f = ahead;
        long at = aheadFrom;
        ahead = null;
        if (f == null) {
            return null;
        }
        try {
            RangeFetch r = f.get();
            return at == from && r.plansQueried().equals(plans) ? r : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted", false, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RpcException r) {
                throw r;
            }
            throw new RpcException("prefetch failed: " + e.getCause(), false, e.getCause());
        }
    }

    private void dropAhead() {
        if (ahead != null) {
            ahead.cancel(false);
            ahead = null;
        }
    }

    private EventStore.Cursor cursor() throws SQLException {
        Optional<EventStore.Cursor> c = store.cursor(w);
        if (c.isPresent()) {
            if (!rulesChecked) {
                planRules.fillMissing(w, store.chainId()); // a crash may have come between a commit and the rules
                rulesChecked = true;
            }
            return c.get();
        }
        BlockHeader before = settings.fromBlock() == 0
                ? new BlockHeader(-1, ZERO_HASH, ZERO_HASH, 0)
                : source.header(settings.fromBlock() - 1);
        store.start(w, before);
        return new EventStore.Cursor(before.number(), before.hash());
    }

    /** Whether the cursor's block is still on the node's chain (checked while idle at the head). */
    private boolean canonical(EventStore.Cursor cur) {
        BlockHeader now = source.headers(List.of(cur.number())).get(cur.number());
        return now != null && now.hash().equalsIgnoreCase(cur.hash());
    }

    private void handleReorg(EventStore.Cursor cur) throws SQLException {
        dropAhead();
        List<BlockHeader> known = store.recentBlocks(w, cur.number());
        for (int i = 0; i < known.size(); i += 64) {
            List<BlockHeader> chunk = known.subList(i, Math.min(known.size(), i + 64));
            List<Long> numbers = chunk.stream().map(BlockHeader::number).filter(n -> n >= 0).toList();
            Map<Long, BlockHeader> canonical = source.headers(numbers);
            for (BlockHeader k : chunk) {
                BlockHeader c = canonical.get(k.number());
                if (k.number() < 0 || (c != null && c.hash().equalsIgnoreCase(k.hash()))) {
                    if (k.number() == cur.number()) {
                        // the cursor's block is canonical, yet the next block does not link to it: the node
                        // contradicts itself (e.g. blocks reserved by hardhat_mine report a zero parent hash)
                        throw new RpcException("the node's block " + (cur.number() + 1) + " does not name block " + cur.number()
                                + " (" + cur.hash() + ") as its parent, although that block is still canonical", false, null);
                    }
                    Set<String> rebuilt = store.rollbackTo(w, k);
                    planRules.fillMissing(w, store.chainId());
                    listener.reorg(cur.number(), k.number(), rebuilt);
                    return;
                }
            }
        }
        throw new IndexerException("chain reorganised below the " + EventStore.REORG_WINDOW
                + " remembered blocks (cursor at " + cur.number() + "): re-index from scratch into an empty database");
    }

    /** Factory events belong to the plan they name; every other event to the contract that emitted it. */
    private String scopeOf(DecodedEvent e) {
        if (settings.factories().contains(e.contract())) {
            String plan = e.args().text("plan", "pool", "clone", "instance");
            if (plan != null) {
                return plan.toLowerCase(Locale.ROOT);
            }
        }
        return e.contract();
    }

    private void safeStatus(String error) {
        try {
            EventStore.Cursor cur = store.cursor(w).orElse(new EventStore.Cursor(-1, ZERO_HASH));
            store.saveStatus(w, Math.max(head, 0), Math.max(head - settings.confirmations(), 0), cur.number(), error);
        } catch (SQLException | RuntimeException e) {
            // the status is informative only: never let it hide the error being reported
            LOG.warn("could not save the indexer status ({})", e.toString());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public void close() throws SQLException {
        dropAhead();
        prefetcher.shutdownNow();
        try {
            w.close();
        } finally {
            connection.close();
        }
    }
}
