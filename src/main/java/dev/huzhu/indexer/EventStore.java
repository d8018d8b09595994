package dev.huzhu.indexer;

import dev.huzhu.chain.Redaction;
import dev.huzhu.protocol.EventArgs;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

    public Optional<Cursor> cursor(SqlWriter w) throws SQLException {
        List<Object[]> rows = w.query("SELECT block_number, block_hash FROM sync_cursor WHERE chain_id = ? AND stream = ?", chainId, STREAM);
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Cursor(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]));
    }

    /** Sets the cursor just below the first block to index (the block itself is remembered for reorg checks). */
    public void start(SqlWriter w, BlockHeader before) throws SQLException {
        rememberBlocks(w, List.of(before));
        saveCursor(w, before.number(), before.hash());
        w.commit();
    }

    /** Plans discovered so far (from the factory's events), with the block each was created in. */
    public List<String> discoveredPlans(SqlWriter w) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object[] r : w.query("SELECT address FROM contracts WHERE chain_id = ? AND kind = 'plan' ORDER BY from_block, address", chainId)) {
            out.add((String) r[0]);
        }
        return out;
    }

    /** A new plan seen in the factory's events at {@code block}. */
    public void discover(SqlWriter w, String plan, long block) throws SQLException {
        w.update("INSERT INTO contracts (chain_id, address, kind, from_block) VALUES (?, ?, 'plan', ?) "
                + "ON CONFLICT (chain_id, address) DO NOTHING", chainId, plan, block);
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
        try {
            int held = w.update("UPDATE sync_cursor SET block_number = block_number WHERE chain_id = ? AND stream = ? AND block_number = ? "
                    + "AND block_hash = ?", chainId, STREAM, expected.number(), expected.hash());
            if (held == 0) {
                w.rollback();
                return -1;
            }
            for (ScopedEvent se : events) {
                DecodedEvent e = se.event();
                w.append("INSERT INTO events (chain_id, block_number, block_hash, tx_hash, log_index, block_time, contract, scope, name, args) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        chainId, e.blockNumber(), e.blockHash(), e.txHash(), e.logIndex(), e.blockTime(), e.contract(), se.scope(),
                        e.name(), e.args().toJson());
                projector.apply(w, chainId, e, se.scope());
            }
            rememberBlocks(w, blocks);
            saveCursor(w, tip.number(), tip.hash());
            w.update("DELETE FROM recent_blocks WHERE chain_id = ? AND block_number < ?", chainId, tip.number() - REORG_WINDOW);
            w.commit();
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
            w.update("DELETE FROM events WHERE chain_id = ? AND block_number > ?", chainId, ancestor.number());
            w.update("DELETE FROM contracts WHERE chain_id = ? AND kind = 'plan' AND from_block > ?", chainId, ancestor.number());
            w.update("DELETE FROM recent_blocks WHERE chain_id = ? AND block_number > ?", chainId, ancestor.number());
            for (String scope : scopes) {
                replay(w, scope);
            }
            saveCursor(w, ancestor.number(), ancestor.hash());
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

    private void saveCursor(SqlWriter w, long number, String hash) throws SQLException {
        int n = w.update("UPDATE sync_cursor SET block_number = ?, block_hash = ? WHERE chain_id = ? AND stream = ?", number, hash, chainId, STREAM);
        if (n == 0) {
            w.update("INSERT INTO sync_cursor (chain_id, stream, block_number, block_hash) VALUES (?, ?, ?, ?)", chainId, STREAM, number, hash);
        }
    }

    /** An event with the scope (plan) its projections belong to. */
    public record ScopedEvent(DecodedEvent event, String scope) {}
}
