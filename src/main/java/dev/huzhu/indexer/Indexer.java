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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final IndexDatabase db;
    private final IndexerHealth health = new IndexerHealth();
    private Connection connection;
    private SqlWriter w;
    /** A database call failed: the connection is replaced before the next attempt (a restarted server, a dropped socket). */
    private boolean broken;
    private final AdaptiveRange range;
    private final PlanRules planRules;
    private final FetchAhead ahead;
    private long head = -1;
    private boolean rulesChecked;
    private boolean registered;
    /** The factories that follow the index's cursor (the settings' and any added to the database by another indexer). */
    private List<String> factories = List.of();
    private long lastStatusMs;
    /**
     * While catching up (the next range already fetched), consecutive ranges share one transaction of up to this
     * many events or {@link #MAX_TX_MS} ms: the rows and counters many ranges change (a member's balance and points)
     * are written and committed once instead of once per range. Each range is whole in it, cursor included.
     */
    static final int MAX_TX_EVENTS = 10_000;
    static final long MAX_TX_MS = 1_000;
    private int txEvents;
    private long txSinceMs;

    public Indexer(IndexDatabase db, ChainSource source, long chainId, IndexerSettings settings, EventDecoder decoder, Listener listener)
            throws SQLException {
        this.db = db;
        this.source = source;
        this.settings = settings;
        this.decoder = decoder;
        this.store = new EventStore(chainId, new Projector(PlanTerms.fromChain(source)));
        this.listener = listener == null ? new Listener() {} : listener;
        this.connection = db.connect();
        this.w = new SqlWriter(connection);
        this.range = new AdaptiveRange(settings.initialRange(), settings.maxRange(), settings.targetLogs());
        this.planRules = new PlanRules(source);
        this.ahead = new FetchAhead(source, decoder, range);
    }

    /**
     * Indexes until {@code stop} says so; with {@code once}, until the target block is reached.
     * Transient RPC failures and every database failure (a lock held by another process, a restarted
     * server: the connection is opened again) are retried by a Failsafe policy with exponential backoff
     * (0.5 s doubling to 30 s; in once mode {@value #ONCE_MAX_FAILURES} attempts, then the error); a
     * permanent RPC error (HTTP 4xx, method not found) is never retried. "Range too large" shrinks the
     * range and asks again at once. {@link #health()} says what happens meanwhile.
     */
    public void run(boolean once, BooleanSupplier stop) throws SQLException {
        loop(once, stop);
        if (w.writing()) {
            w.commit(); // asked to stop while catching up: the ranges written so far (each one whole) are kept
        }
    }

    private void loop(boolean once, BooleanSupplier stop) throws SQLException {
        Backoff poll = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2));
        RetryPolicy<Step> retries = RetryPolicy.<Step>builder()
                .handleIf(e -> e instanceof RpcException r && !r.permanent() || e instanceof SQLException)
                .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(30))
                .withMaxAttempts(once ? ONCE_MAX_FAILURES : -1)
                .abortIf((result, e) -> stop.getAsBoolean())
                .onRetryScheduled(ev -> {
                    Throwable last = ev.getLastException();
                    String problem = last instanceof SQLException ? "database: " + last.getMessage() : last.getMessage();
                    LOG.warn("{}; retrying in {} ms", dev.huzhu.chain.Redaction.text(String.valueOf(problem)), ev.getDelay().toMillis());
                    listener.retry(problem, ev.getDelay().toMillis());
                    health.failing(String.valueOf(problem));
                    safeStatus(problem);
                })
                .build();
        while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            Step s;
            try {
                s = Failsafe.with(retries).get(this::attempt);
            } catch (RpcException e) {
                if (stop.getAsBoolean()) {
                    return; // asked to stop while the node was failing
                }
                safeStatus(e.getMessage());
                health.stopped(e.getMessage());
                throw new IndexerException((e.permanent() ? "not retried (a permanent error): " : "giving up after " + ONCE_MAX_FAILURES + " failed attempts: ")
                        + e.getMessage(), e);
            } catch (FailsafeException e) {
                if (e.getCause() instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (e.getCause() instanceof SQLException sql) {
                    if (stop.getAsBoolean()) {
                        return;
                    }
                    health.stopped("database: " + sql.getMessage());
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

    /** How long this indexer waited for the ranges fetched ahead, in nanoseconds (the benchmark prints it). */
    public long fetchWaitNanos() {
        return ahead.waitedNanos();
    }

    /** What this indexer says about itself now (for /api/status of the same process). */
    public IndexerHealth health() {
        return health;
    }

    /** One attempt of a step: on a fresh connection if the last one failed. */
    private Step attempt() throws SQLException {
        try {
            if (broken) {
                reconnect();
            }
            return stepShrinking();
        } catch (SQLException e) {
            broken = true;
            throw e;
        }
    }

    private void reconnect() throws SQLException {
        dropAhead();
        try {
            w.close();
        } catch (SQLException | RuntimeException ignored) {
            // the old connection is gone anyway
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // idem
        }
        connection = db.connect();
        w = new SqlWriter(connection);
        broken = false;
        LOG.info("connected to the index database again");
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
        List<EventStore.Followed> behind = store.contracts(w).stream().filter(c -> c.indexedTo() != null).toList();
        endRead();
        if (!behind.isEmpty()) { // contracts new to this index first: their history up to the cursor
            dropAhead();
            return catchUp(behind, cur);
        }
        long target = head - settings.confirmations();
        if (head < 0 || cur.number() >= target) {
            dropAhead();
            head = source.head(settings.finality());
            target = head - settings.confirmations();
            store.saveStatus(w, head, target, cur.number(), null);
            lastStatusMs = System.currentTimeMillis();
            health.progress(target, cur.number());
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
        RangeFetch f = ahead.take(from, plans);
        boolean fetchedHere = f == null;
        if (fetchedHere) {
            f = RangeFetch.fetch(source, decoder, factories, plans, from, Math.min(target, from + range.size() - 1));
        }
        if (!f.first().parentHash().equalsIgnoreCase(cur.hash())) {
            handleReorg(cur);
            return Step.REORG;
        }
        if (!f.consistent()) {
            dropAhead();
            return Step.RETRY; // the chain changed while we read it
        }
        if (fetchedHere) {
            range.adjust(f.to() - f.from() + 1, f.logCount()); // the ranges fetched ahead adjusted it there
            if (f.createdPlans().isEmpty()) {
                ahead.start(f.to() + 1, target, factories, plans); // the next ranges, while this one is written
            }
        }
        List<EventStore.ScopedEvent> events = new ArrayList<>(f.events().size());
        for (DecodedEvent e : f.events()) {
            events.add(new EventStore.ScopedEvent(e, scopeOf(e)));
        }
        if (!w.writing()) { // committed or rolled back since: a new transaction
            txEvents = 0;
            txSinceMs = System.currentTimeMillis();
        }
        boolean catchingUp = ahead.moreAfter(f); // the next range is already on its way: far behind the head
        txEvents += events.size();
        w.durable(!catchingUp);
        for (Map.Entry<String, Long> p : f.createdPlans().entrySet()) {
            store.discover(w, p.getKey(), p.getValue());
        }
        long plansBefore = store.plansCreated();
        boolean keepOpen = catchingUp && txEvents < MAX_TX_EVENTS && System.currentTimeMillis() - txSinceMs < MAX_TX_MS;
        int fresh = store.commit(w, events, f.headers().values(), f.headers().get(f.to()), cur,
                () -> !keepOpen || store.plansCreated() != plansBefore); // a new plan: commit, so that its rules are read now
        boolean committed = !w.writing();
        if (fresh < 0) {
            dropAhead();
            return Step.RETRY; // another indexer on this database moved the cursor meanwhile: start again from it
        }
        listener.batch(f.from(), f.to(), events.size(), fresh);
        health.progress(target, f.to());
        if (!committed) {
            return Step.ADVANCED; // the next range joins this transaction (see MAX_TX_EVENTS)
        }
        if (txEvents > 0) {
            planRules.fillMissing(w, store.chainId());
        }
        if (System.currentTimeMillis() - lastStatusMs > 1000) {
            store.saveStatus(w, head, target, f.to(), null);
            lastStatusMs = System.currentTimeMillis();
        }
        return Step.ADVANCED;
    }

    /** Ends a read (so that it holds no snapshot), unless this connection is in the middle of writing ranges. */
    private void endRead() throws SQLException {
        if (!w.writing()) {
            w.rollback();
        }
    }

    /** The plans that follow the index's cursor (refreshes the factories too): what this database follows, whoever added it. */
    private List<String> knownPlans() throws SQLException {
        List<String> plans = new ArrayList<>(new LinkedHashSet<>(store.followed(w, "plan")));
        factories = List.copyOf(new LinkedHashSet<>(concat(settings.factories(), store.followed(w, "factory"))));
        endRead();
        return plans;
    }

    /**
     * Catches up the contracts that joined an existing index (their own cursor below the index's): the group
     * furthest behind, one range at a time, up to the index's cursor, where they join the others. Plans its
     * factories created are followed from their creation; a plan that already had events (followed directly before
     * its factory was added) is rebuilt from all its events in order.
     */
    private Step catchUp(List<EventStore.Followed> behind, EventStore.Cursor cur) throws SQLException {
        long at = behind.stream().mapToLong(EventStore.Followed::indexedTo).min().orElseThrow();
        List<EventStore.Followed> group = behind.stream().filter(c -> c.indexedTo() == at).toList();
        long next = behind.stream().mapToLong(EventStore.Followed::indexedTo).filter(n -> n > at).min().orElse(cur.number());
        long from = at + 1;
        long to = Math.min(Math.min(next, cur.number()), from + range.size() - 1);
        List<String> groupFactories = group.stream().filter(c -> c.kind().equals("factory")).map(EventStore.Followed::address).toList();
        List<String> groupPlans = group.stream().filter(c -> c.kind().equals("plan")).map(EventStore.Followed::address).toList();
        RangeFetch f = RangeFetch.fetch(source, decoder, groupFactories, groupPlans, from, to);
        if (!f.consistent()) {
            return Step.RETRY;
        }
        range.adjust(to - from + 1, f.logCount());
        java.util.Set<String> known = new java.util.HashSet<>();
        for (EventStore.Followed c : store.contracts(w)) {
            known.add(c.address());
        }
        w.rollback();
        java.util.Map<String, Long> created = new java.util.LinkedHashMap<>();
        java.util.Set<String> replay = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, Long> p : f.createdPlans().entrySet()) {
            if (known.contains(p.getKey())) {
                replay.add(p.getKey()); // already followed with the others: its creation is older than its stored events
            } else {
                created.put(p.getKey(), p.getValue());
            }
        }
        List<EventStore.ScopedEvent> events = new ArrayList<>();
        for (DecodedEvent e : f.events()) {
            String scope = scopeOf(e, groupFactories);
            boolean ours = groupFactories.contains(e.contract()) || groupPlans.contains(e.contract()) || created.containsKey(e.contract());
            if (ours) {
                events.add(new EventStore.ScopedEvent(e, scope));
            }
        }
        int stored = store.commitCatchUp(w, events, group.stream().map(EventStore.Followed::address).toList(), created, at, to, replay);
        if (stored < 0) {
            return Step.RETRY; // another indexer caught this group up meanwhile, or a reorg moved the index's cursor below `to`
        }
        if (stored > 0) {
            planRules.fillMissing(w, store.chainId());
        }
        listener.batch(from, to, events.size(), stored);
        return Step.ADVANCED;
    }

    /**
     * Follows the contracts of the settings (once per run). A new database starts at {@code --from-block}. In an
     * existing one a contract it does not follow yet is caught up alone from {@code --from-block} (its history is
     * never skipped); blocks are never skipped either: a {@code --from-block} past the index's cursor, or earlier than
     * the first block already indexed for a factory, cannot be honoured and is refused with the reason.
     */
    private void register(Optional<EventStore.Cursor> existing) throws SQLException {
        long from = settings.fromBlock();
        Map<String, EventStore.Followed> known = new java.util.HashMap<>();
        for (EventStore.Followed c : store.contracts(w)) {
            known.put(c.address(), c);
        }
        long cursor = existing.map(EventStore.Cursor::number).orElse(from - 1);
        if (existing.isPresent() && settings.fromBlockGiven() && from > cursor + 1) {
            throw new IndexerException("--from-block " + from + " would skip blocks " + (cursor + 1) + "-" + (from - 1)
                    + ": this database is indexed up to block " + cursor + " and never skips blocks; leave out --from-block, or use a new database (--db)");
        }
        List<String[]> wanted = new ArrayList<>();
        settings.factories().forEach(a -> wanted.add(new String[] {a, "factory"}));
        settings.plans().forEach(a -> wanted.add(new String[] {a, "plan"}));
        for (String[] c : wanted) {
            EventStore.Followed had = known.get(c[0]);
            if (had == null) {
                Long behind = existing.isPresent() && from - 1 < cursor ? Long.valueOf(from - 1) : null;
                store.follow(w, c[0], c[1], from, behind);
                if (behind != null) {
                    LOG.info("{} {} is new to this index (at block {}): catching it up from block {}", c[1], c[0], cursor, from);
                }
            } else if (settings.fromBlockGiven() && from < had.fromBlock() && c[1].equals("factory")) {
                throw new IndexerException("--from-block " + from + ": factory " + c[0] + " is indexed from block " + had.fromBlock()
                        + " in this database, and earlier blocks cannot be added to it; use a new database (--db) to start earlier");
            }
        }
        w.commit();
    }

    private void dropAhead() {
        ahead.drop();
    }

    private EventStore.Cursor cursor() throws SQLException {
        Optional<EventStore.Cursor> c = store.cursor(w);
        if (!registered) {
            register(c);
            registered = true;
        }
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
        // a new index has no plans yet, so none whose rules a crash left unread; checking later, in the next step, would
        // come while the first range may still be open in the transaction (fillMissing starts from a clean transaction)
        rulesChecked = true;
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
        return scopeOf(e, factories);
    }

    private static String scopeOf(DecodedEvent e, List<String> factories) {
        if (factories.contains(e.contract())) {
            String plan = CloneCreations.scopeOf(e.args());
            if (plan != null) {
                return plan;
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
        ahead.close();
        try {
            w.close();
        } finally {
            connection.close();
        }
    }
}
