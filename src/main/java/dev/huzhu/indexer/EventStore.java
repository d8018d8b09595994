package dev.huzhu.indexer;

import dev.huzhu.chain.Redaction;
import dev.huzhu.protocol.EventArgs;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The indexer's writes. Each {@link #commit} stores a block range's events exactly once (the
 * primary key is chain id, block hash, tx hash, log index; a row already there is skipped and
 * not projected again), their projections, the range's block hashes and the cursor — all in one
 * transaction, so a crash leaves either all of it or none. Rows are keyed by their position on the
 * canonical chain (block number, log index; migration V6), so every insert appends to its key.
 */
public final class EventStore {
    /** How many checkpoints below the cursor are kept for finding a common ancestor after a reorg. */
    public static final long REORG_WINDOW = 512;
    private static final String STREAM = "index";

    /** The last block fully indexed. */
    public record Cursor(long number, String hash) {}

    private final long chainId;
    private final Projector projector;

    public EventStore(long chainId, Projector projector) {
        this.chainId = chainId;
        this.projector = projector;
    }

    public long chainId() {
        return chainId;
    }

    /** How many plan rows the projections created so far (see {@link Projector#plansCreated}). */
    long plansCreated() {
        return projector.plansCreated();
    }

    public Optional<Cursor> cursor(SqlWriter w) throws SQLException {
        List<Object[]> rows = w.query("SELECT block_number, block_hash FROM sync_cursor WHERE chain_id = ? AND stream = ?", chainId, STREAM);
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Cursor(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]));
    }

    /** Sets the cursor just below the first block to index (the block itself is remembered for reorg checks). */
    public void start(SqlWriter w, BlockHeader before) throws SQLException {
        rememberBlocks(w, List.of(before));
        saveCursor(w, before.number(), before.hash(), before.timestamp());
        w.commit();
    }

    /** Contracts of {@code kind} ('plan' or 'factory') that follow the index's cursor, in the order they were first indexed. */
    public List<String> followed(SqlWriter w, String kind) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object[] r : w.query("SELECT address FROM contracts WHERE chain_id = ? AND kind = ? AND indexed_to IS NULL ORDER BY from_block, address",
                chainId, kind)) {
            out.add((String) r[0]);
        }
        return out;
    }

    /** A contract the database follows, with the first block indexed for it and, while it is caught up alone, its own cursor. */
    public record Followed(String address, String kind, long fromBlock, Long indexedTo) {}

    /** Every contract the database follows. */
    public List<Followed> contracts(SqlWriter w) throws SQLException {
        List<Followed> out = new ArrayList<>();
        for (Object[] r : w.query("SELECT address, kind, from_block, indexed_to FROM contracts WHERE chain_id = ? ORDER BY from_block, address", chainId)) {
            out.add(new Followed((String) r[0], (String) r[1], ((Number) r[2]).longValue(), r[3] == null ? null : ((Number) r[3]).longValue()));
        }
        return out;
    }

    /**
     * Follows {@code address} from {@code fromBlock}: with the index's cursor ({@code indexedTo} null), or caught up
     * alone from {@code indexedTo} + 1 first. An address already followed is left as it is. Does not commit.
     */
    public void follow(SqlWriter w, String address, String kind, long fromBlock, Long indexedTo) throws SQLException {
        w.update("INSERT INTO contracts (chain_id, address, kind, from_block, indexed_to) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (chain_id, address) DO NOTHING", chainId, address, kind, fromBlock, indexedTo);
    }

    /** A new plan seen in the factory's events at {@code block}. */
    public void discover(SqlWriter w, String plan, long block) throws SQLException {
        follow(w, plan, "plan", block, null);
    }

    /**
     * Stores the events of a contract group being caught up alone (each contract's cursor at {@code expectedTo}) for
     * blocks up to {@code to}, which is at or below the index's cursor; plans its factories created in the range join the
     * group. When {@code to} reaches the index's cursor the group joins the others (cursor NULL). Scopes in
     * {@code replay} (plans that already had events: a factory caught up late found their creation) are rebuilt. Commits.
     *
     * @return the events stored, or -1 if another indexer moved the group's cursor or the index's cursor fell below
     *         {@code to} (a reorg) meanwhile: nothing written
     */
    public int commitCatchUp(SqlWriter w, List<ScopedEvent> events, List<String> group, Map<String, Long> created, long expectedTo, long to,
                             Set<String> replay) throws SQLException {
        try {
            int held = w.update("UPDATE sync_cursor SET block_number = block_number WHERE chain_id = ? AND stream = ? AND block_number >= ?",
                    chainId, STREAM, to);
            if (held == 0) {
                w.rollback();
                return -1;
            }
            long mainCursor = cursor(w).orElseThrow().number();
            int moved = 0;
            for (String c : group) {
                moved += w.update("UPDATE contracts SET indexed_to = ? WHERE chain_id = ? AND address = ? AND indexed_to = ?",
                        to >= mainCursor ? null : to, chainId, c, expectedTo);
            }
            if (moved != group.size()) {
                w.rollback();
                return -1;
            }
            for (Map.Entry<String, Long> p : created.entrySet()) {
                follow(w, p.getKey(), "plan", p.getValue(), to >= mainCursor ? null : to);
            }
            for (ScopedEvent se : events) {
                storeEvent(w, se);
                if (!replay.contains(se.scope())) {
                    projector.apply(w, chainId, se.event(), se.scope());
                }
            }
            for (String scope : replay) {
                replay(w, scope);
            }
            w.commit();
            return events.size();
        } catch (SQLException | RuntimeException e) {
            w.rollback();
            throw e;
        }
    }

    /** Queues one event's row, with the scope it belongs to (SqlWriter batches the inserts). */
    private void storeEvent(SqlWriter w, ScopedEvent se) throws SQLException {
        DecodedEvent e = se.event();
        w.append("INSERT INTO events (chain_id, block_number, block_hash, tx_hash, log_index, block_time, contract, scope, name, args) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockNumber(), e.blockHash(), e.txHash(), e.logIndex(), e.blockTime(), e.contract(), se.scope(),
                e.name(), e.args().toJson());
    }

    /**
     * Stores one range: its events (in chain order, each with the scope it belongs to), the
     * hashes of {@code blocks}, and the cursor at {@code tip}; then commits. The range must start
     * right after {@code expected}, the cursor the caller read: the first write of the transaction
     * checks that the cursor is still there (and holds it: SQLite's write lock, PostgreSQL's row lock),
     * so no other indexer on the same database can write this range concurrently, and no event of the
     * range can be stored yet (events are only ever stored up to the cursor). Its events are therefore
     * inserted in batches and all projected.
     *
     * @return how many events were stored, or -1 if another writer moved the cursor (nothing written)
     */
    public int commit(SqlWriter w, List<ScopedEvent> events, Collection<BlockHeader> blocks, BlockHeader tip, Cursor expected)
            throws SQLException {
        return commit(w, events, blocks, tip, expected, () -> true);
    }

    /**
     * {@link #commit(SqlWriter, List, Collection, BlockHeader, Cursor)}, but when {@code end} (asked once the range is
     * written) says false the transaction stays open for the next range (its rows queued): nothing is visible to others,
     * or kept after a failure, until a later range commits. Any failure rolls back every range of the transaction.
     */
    public int commit(SqlWriter w, List<ScopedEvent> events, Collection<BlockHeader> blocks, BlockHeader tip, Cursor expected,
                      java.util.function.BooleanSupplier end) throws SQLException {
        try {
            int held = w.update("UPDATE sync_cursor SET block_number = block_number WHERE chain_id = ? AND stream = ? AND block_number = ? "
                    + "AND block_hash = ?", chainId, STREAM, expected.number(), expected.hash());
            if (held == 0) {
                w.rollback();
                return -1;
            }
            for (ScopedEvent se : events) {
                storeEvent(w, se);
                projector.apply(w, chainId, se.event(), se.scope());
            }
            rememberBlocks(w, blocks);
            saveCursor(w, tip.number(), tip.hash(), tip.timestamp());
            w.update("DELETE FROM recent_blocks WHERE chain_id = ? AND block_number < ?", chainId, tip.number() - REORG_WINDOW);
            if (end.getAsBoolean()) {
                w.commit();
            }
            return events.size();
        } catch (SQLException | RuntimeException e) {
            w.rollback();
            throw e;
        }
    }

    /**
     * Inserts {@code events} not stored yet, one by one, and projects them; does not commit. Returns how
     * many were new. (The naive baseline of scripts/bench-indexer; the indexer uses {@link #commit}.)
     */
    int commitEvents(SqlWriter w, List<ScopedEvent> events) throws SQLException {
        int fresh = 0;
        for (ScopedEvent se : events) {
            DecodedEvent e = se.event();
            int inserted = w.update("INSERT INTO events (chain_id, block_number, block_hash, tx_hash, log_index, block_time, contract, scope, name, args) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chain_id, block_number, log_index) DO NOTHING",
                    chainId, e.blockNumber(), e.blockHash(), e.txHash(), e.logIndex(), e.blockTime(), e.contract(), se.scope(),
                    e.name(), e.args().toJson());
            if (inserted == 1) {
                fresh++;
                projector.apply(w, chainId, e, se.scope());
            }
        }
        return fresh;
    }

    /** Remembered block hashes at or below {@code atOrBelow}, newest first. */
    public List<BlockHeader> recentBlocks(SqlWriter w, long atOrBelow) throws SQLException {
        List<BlockHeader> out = new ArrayList<>();
        for (Object[] r : w.query("SELECT block_number, block_hash, parent_hash FROM recent_blocks WHERE chain_id = ? AND block_number <= ? "
                + "ORDER BY block_number DESC", chainId, atOrBelow)) {
            out.add(new BlockHeader(((Number) r[0]).longValue(), (String) r[1], (String) r[2], 0));
        }
        return out;
    }

    /**
     * Undoes everything above {@code ancestor} (a block both branches share): events, plans
     * discovered there, block hashes; then replays the events of every touched scope so the
     * projections hold only the canonical chain. Commits.
     *
     * @return the scopes that were rebuilt
     */
    public Set<String> rollbackTo(SqlWriter w, BlockHeader ancestor) throws SQLException {
        try {
            Set<String> scopes = new LinkedHashSet<>();
            for (Object[] r : w.query("SELECT DISTINCT scope FROM events WHERE chain_id = ? AND block_number > ? ORDER BY scope", chainId, ancestor.number())) {
                scopes.add((String) r[0]);
            }
            // plans a factory created above the ancestor are forgotten (followed again if the new branch creates them);
            // contracts followed by name stay followed
            w.update("DELETE FROM contracts WHERE chain_id = ? AND kind = 'plan' AND address IN (SELECT scope FROM events "
                    + "WHERE chain_id = ? AND name IN (" + CloneCreations.SQL_LIST + ") AND block_number > ?)", chainId, chainId, ancestor.number());
            w.update("DELETE FROM events WHERE chain_id = ? AND block_number > ?", chainId, ancestor.number());
            // contracts caught up alone above the ancestor lost those blocks too: they continue from the ancestor
            w.update("UPDATE contracts SET indexed_to = ? WHERE chain_id = ? AND indexed_to > ?", ancestor.number(), chainId, ancestor.number());
            w.update("DELETE FROM recent_blocks WHERE chain_id = ? AND block_number > ?", chainId, ancestor.number());
            for (String scope : scopes) {
                replay(w, scope);
            }
            saveCursor(w, ancestor.number(), ancestor.hash(), ancestor.timestamp());
            w.commit();
            return scopes;
        } catch (SQLException | RuntimeException e) {
            w.rollback();
            throw e;
        }
    }

    /** Rebuilds the projections of {@code scope} from its stored events. Does not commit. */
    public void replay(SqlWriter w, String scope) throws SQLException {
        projector.clear(w, chainId, scope);
        List<Object[]> rows = w.query("SELECT block_number, block_hash, tx_hash, log_index, block_time, contract, name, args FROM events "
                + "WHERE chain_id = ? AND scope = ? ORDER BY block_number, log_index", chainId, scope);
        for (Object[] r : rows) {
            DecodedEvent e = new DecodedEvent(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                    ((Number) r[4]).longValue(), (String) r[5], (String) r[6], EventArgs.fromJson((String) r[7]));
            projector.apply(w, chainId, e, scope);
        }
    }

    /** Records what the indexer last saw of the chain (for the page's sync status). Commits. */
    public void saveStatus(SqlWriter w, long head, long target, long indexed, String error) throws SQLException {
        String redacted = Redaction.text(error); // served by /api/status and the page: no credentials
        String err = redacted == null ? null : redacted.length() > 480 ? redacted.substring(0, 480) : redacted;
        int n = w.update("UPDATE sync_status SET head_block = ?, target_block = ?, indexed_block = ?, updated_ms = ?, last_error = ? WHERE chain_id = ?",
                head, target, indexed, System.currentTimeMillis(), err, chainId);
        if (n == 0) {
            w.update("INSERT INTO sync_status (chain_id, head_block, target_block, indexed_block, updated_ms, last_error) VALUES (?, ?, ?, ?, ?, ?)",
                    chainId, head, target, indexed, System.currentTimeMillis(), err);
        }
        w.commit();
    }

    private void rememberBlocks(SqlWriter w, Collection<BlockHeader> blocks) throws SQLException {
        for (BlockHeader b : blocks) {
            w.update("INSERT INTO recent_blocks (chain_id, block_number, block_hash, parent_hash) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (chain_id, block_number) DO UPDATE SET block_hash = excluded.block_hash, parent_hash = excluded.parent_hash",
                    chainId, b.number(), b.hash(), b.parentHash());
        }
    }

    /** Moves the cursor; {@code time} is its block's time (0: not known, e.g. a rollback target, kept NULL until the next range). */
    private void saveCursor(SqlWriter w, long number, String hash, long time) throws SQLException {
        Long at = time > 0 ? time : null;
        int n = w.update("UPDATE sync_cursor SET block_number = ?, block_hash = ?, block_time = ? WHERE chain_id = ? AND stream = ?",
                number, hash, at, chainId, STREAM);
        if (n == 0) {
            w.update("INSERT INTO sync_cursor (chain_id, stream, block_number, block_hash, block_time) VALUES (?, ?, ?, ?, ?)",
                    chainId, STREAM, number, hash, at);
        }
    }

    /** An event with the scope (plan) its projections belong to. */
    public record ScopedEvent(DecodedEvent event, String scope) {}
}
