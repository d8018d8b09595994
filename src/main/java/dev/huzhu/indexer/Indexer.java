package dev.huzhu.indexer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Follows the Huzhu contracts of one chain into the index database: batched {@code eth_getLogs}
 * over an adaptive block range, exactly-once writes with the cursor in the same transaction,
 * parent-hash checks with rollback to the common ancestor on a reorg, retries with bounded backoff.
 */
public final class Indexer implements AutoCloseable {
    private static final String ZERO_HASH = "0x" + "0".repeat(64);
    private static final int ONCE_MAX_FAILURES = 6;
    private static final int MAX_ADDRESSES_PER_QUERY = 500;

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
    private final EventCatalog catalog;
    private final EventStore store;
    private final Listener listener;
    private final Connection connection;
    private final SqlWriter w;
    private final AdaptiveRange range;
    private final PlanRules planRules;
    private long head = -1;
    private boolean rulesChecked;
    private long lastStatusMs;

    public Indexer(IndexDatabase db, ChainSource source, long chainId, IndexerSettings settings, EventCatalog catalog, Listener listener)
            throws SQLException {
        this.source = source;
        this.settings = settings;
        this.catalog = catalog;
        this.store = new EventStore(chainId, new Projector());
        this.listener = listener == null ? new Listener() {} : listener;
        this.connection = db.connect();
        this.w = new SqlWriter(connection);
        this.range = new AdaptiveRange(settings.initialRange(), settings.maxRange());
        this.planRules = new PlanRules(source);
    }

    /**
     * Indexes until {@code stop} says so; with {@code once}, until the target block is reached.
     * RPC failures are retried with bounded backoff (in once mode, up to a few times, then thrown).
     */
    public void run(boolean once, BooleanSupplier stop) throws SQLException {
        Backoff poll = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2));
        Backoff errors = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        int failures = 0;
        while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                Step s = step();
                failures = 0;
                errors.reset();
                if (s == Step.IDLE) {
                    if (once) {
                        return;
                    }
                    if (!poll.pause()) {
                        return;
                    }
                } else {
                    poll.reset();
                }
            } catch (RpcException e) {
                if (e.rangeTooLarge() && range.shrink()) {
                    listener.retry(e.getMessage() + "; asking for " + range.size() + " blocks at a time", 0);
                    continue;
                }
                failures++;
                long delay = errors.nextDelayMs();
                listener.retry(e.getMessage(), delay);
                safeStatus(e.getMessage());
                if (once && failures >= ONCE_MAX_FAILURES) {
                    throw new IndexerException("giving up after " + failures + " failed attempts: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Indexes one block range (or detects a reorg, or finds nothing to do). */
    public Step step() throws SQLException {
        EventStore.Cursor cur = cursor();
        long target = head - settings.confirmations();
        if (head < 0 || cur.number() >= target) {
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
        long to = Math.min(target, from + range.size() - 1);
        BlockHeader first = source.header(from);
        if (!first.parentHash().equalsIgnoreCase(cur.hash())) {
            handleReorg(cur);
            return Step.REORG;
        }

        List<String> plans = new ArrayList<>(new LinkedHashSet<>(concat(settings.plans(), store.discoveredPlans(w))));
        List<Log> factoryLogs = source.logs(from, to, settings.factories());
        List<Log> logs = new ArrayList<>(factoryLogs);
        Map<String, Long> created = new java.util.LinkedHashMap<>();
        for (Log l : factoryLogs) {
            createdPlan(l).ifPresent(p -> {
                if (!plans.contains(p)) {
                    plans.add(p);
                    created.put(p, l.getBlockNumber().longValueExact());
                }
            });
        }
        for (int i = 0; i < plans.size(); i += MAX_ADDRESSES_PER_QUERY) {
            logs.addAll(source.logs(from, to, plans.subList(i, Math.min(plans.size(), i + MAX_ADDRESSES_PER_QUERY))));
        }
        logs.sort(Comparator.comparing((Log l) -> l.getBlockNumber()).thenComparing(Log::getLogIndex));

        Set<Long> numbers = new TreeSet<>();
        logs.forEach(l -> numbers.add(l.getBlockNumber().longValueExact()));
        numbers.add(to);
        Map<Long, BlockHeader> headers = source.headers(numbers);
        BlockHeader tip = headers.get(to);
        BlockHeader atFrom = headers.getOrDefault(from, first);
        if (!atFrom.hash().equalsIgnoreCase(first.hash())) {
            return Step.RETRY; // the chain changed while we read it
        }
        List<EventStore.ScopedEvent> events = new ArrayList<>(logs.size());
        if (tip == null) {
            return Step.RETRY;
        }
        for (Log l : logs) {
            BlockHeader h = headers.get(l.getBlockNumber().longValueExact());
            if (h == null || l.getBlockHash() == null || !l.getBlockHash().equalsIgnoreCase(h.hash())) {
                return Step.RETRY;
            }
            catalog.decode(l, h.timestamp()).ifPresent(e -> events.add(new EventStore.ScopedEvent(e, scopeOf(e))));
        }
        for (Map.Entry<String, Long> p : created.entrySet()) {
            store.discover(w, p.getKey(), p.getValue());
        }
        List<BlockHeader> remember = new ArrayList<>(headers.values());
        int fresh = store.commit(w, events, remember, tip);
        if (fresh > 0) {
            planRules.fillMissing(w, store.chainId());
        }
        range.grow();
        listener.batch(from, to, events.size(), fresh);
        if (System.currentTimeMillis() - lastStatusMs > 1000) {
            store.saveStatus(w, head, target, to, null);
            lastStatusMs = System.currentTimeMillis();
        }
        return Step.ADVANCED;
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
        List<BlockHeader> known = store.recentBlocks(w, cur.number());
        for (int i = 0; i < known.size(); i += 64) {
            List<BlockHeader> chunk = known.subList(i, Math.min(known.size(), i + 64));
            List<Long> numbers = chunk.stream().map(BlockHeader::number).filter(n -> n >= 0).toList();
            Map<Long, BlockHeader> canonical = source.headers(numbers);
            for (BlockHeader k : chunk) {
                BlockHeader c = canonical.get(k.number());
                if (k.number() < 0 || (c != null && c.hash().equalsIgnoreCase(k.hash()))) {
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

    /** A factory event that names a new plan (argument pool/plan/clone), if {@code l} is one. */
    private Optional<String> createdPlan(Log l) {
        return catalog.decode(l, 0).flatMap(e -> Optional.ofNullable(e.args().text("pool", "plan", "clone", "instance")))
                .map(a -> a.toLowerCase(Locale.ROOT));
    }

    /** Factory events belong to the plan they name; every other event to the contract that emitted it. */
    private String scopeOf(DecodedEvent e) {
        if (settings.factories().contains(e.contract())) {
            String plan = e.args().text("pool", "plan", "clone", "instance");
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
        } catch (SQLException | RuntimeException ignored) {
            // the status is informative only
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
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
