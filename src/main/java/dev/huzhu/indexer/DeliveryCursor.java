package dev.huzhu.indexer;

import dev.huzhu.protocol.EventArgs;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one watcher sink (stdout, a webhook, with its filters) stands: the position of the last
 * event delivered, persisted after each delivery so a restart neither loses nor floods.
 */
public final class DeliveryCursor {
    /** Payout events (a paid claim, a paid tranche, a relief release). */
    public static final List<String> PAYOUT_EVENTS = List.of("ClaimPaid", "TranchePaid", "PayoutSent", "MilestoneReleased");

    private final long chainId;
    private final String sink;

    public DeliveryCursor(long chainId, String sink) {
        this.chainId = chainId;
        this.sink = sink;
    }

    /** The position after which delivery continues; {@code fromBlock} applies the first time only. */
    public long[] position(SqlWriter w, long fromBlock) throws SQLException {
        List<Object[]> r = w.query("SELECT block_number, log_index FROM delivery_cursor WHERE chain_id = ? AND sink = ?", chainId, sink);
        if (r.isEmpty()) {
            return new long[] {fromBlock - 1, Integer.MAX_VALUE};
        }
        return new long[] {((Number) r.get(0)[0]).longValue(), ((Number) r.get(0)[1]).longValue()};
    }

    /** Events after {@code position} (in chain order) that this sink wants. */
    public List<Notification> pending(SqlWriter w, long[] position, String plan, boolean allClaimEvents, int limit) throws SQLException {
        String names = allClaimEvents ? "(name LIKE 'Claim%' OR name IN ('TranchePaid', 'PayoutSent', 'MilestoneReleased'))"
                : "name IN ('" + String.join("', '", PAYOUT_EVENTS) + "')";
        List<Object> params = new ArrayList<>(List.of(chainId, position[0], position[0], position[1]));
        String byPlan = "";
        if (plan != null) {
            byPlan = " AND scope = ?";
            params.add(plan);
        }
        params.add(limit);
        List<Notification> out = new ArrayList<>();
        for (Object[] r : w.query("SELECT name, scope, block_number, block_hash, tx_hash, log_index, block_time, args FROM events "
                + "WHERE chain_id = ? AND (block_number > ? OR (block_number = ? AND log_index > ?)) AND " + names + byPlan
                + " ORDER BY block_number, log_index LIMIT ?", params.toArray())) {
            out.add(new Notification(chainId, (String) r[0], (String) r[1], ((Number) r[2]).longValue(), (String) r[3], (String) r[4],
                    ((Number) r[5]).intValue(), ((Number) r[6]).longValue(), EventArgs.fromJson((String) r[7])));
        }
        w.rollback(); // end the read
        return out;
    }

    /**
     * Deliveries of this sink whose event is no longer on the indexed chain (a reorg removed it: no event at that
     * position with that block hash), oldest first; only the last {@link EventStore#REORG_WINDOW} blocks below
     * {@code position} can have been reorganised.
     */
    public List<Notification> retracted(SqlWriter w, long[] position) throws SQLException {
        List<Notification> out = new ArrayList<>();
        for (Object[] r : w.query("SELECT d.block_number, d.log_index, d.block_hash, d.tx_hash FROM deliveries d "
                + "WHERE d.chain_id = ? AND d.sink = ? AND d.retracted = 0 AND d.block_number > ? AND NOT EXISTS (SELECT 1 FROM events e "
                + "WHERE e.chain_id = d.chain_id AND e.block_number = d.block_number AND e.log_index = d.log_index AND e.block_hash = d.block_hash) "
                + "ORDER BY d.block_number, d.log_index", chainId, sink, position[0] - EventStore.REORG_WINDOW)) {
            out.add(Notification.retraction(chainId, null, ((Number) r[0]).longValue(), (String) r[2], (String) r[3], ((Number) r[1]).intValue()));
        }
        w.rollback(); // end the read
        return out;
    }

    /**
     * Records that the retraction {@code r} was delivered and moves the cursor back to just before the retracted
     * event's position (when it is not already before it), so the canonical events from there on are delivered. Commits.
     */
    public void retract(SqlWriter w, Notification r, long[] position) throws SQLException {
        w.update("UPDATE deliveries SET retracted = 1 WHERE chain_id = ? AND sink = ? AND block_number = ? AND log_index = ? AND block_hash = ?",
                chainId, sink, r.blockNumber(), r.logIndex(), r.blockHash());
        if (r.blockNumber() < position[0] || r.blockNumber() == position[0] && r.logIndex() <= position[1]) {
            w.update("UPDATE delivery_cursor SET block_number = ?, log_index = ? WHERE chain_id = ? AND sink = ?",
                    r.blockNumber(), r.logIndex() - 1, chainId, sink);
        }
        w.commit();
    }

    /** Records that {@code n} was delivered (with its block hash: a reorg that removes it is then retracted). Commits. */
    public void advance(SqlWriter w, Notification n) throws SQLException {
        w.update("INSERT INTO deliveries (chain_id, sink, block_number, log_index, block_hash, tx_hash) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (chain_id, sink, block_number, log_index, block_hash) DO NOTHING", chainId, sink, n.blockNumber(), n.logIndex(),
                n.blockHash(), n.txHash());
        int changed = w.update("UPDATE delivery_cursor SET block_number = ?, log_index = ? WHERE chain_id = ? AND sink = ?",
                n.blockNumber(), n.logIndex(), chainId, sink);
        if (changed == 0) {
            w.update("INSERT INTO delivery_cursor (chain_id, sink, block_number, log_index) VALUES (?, ?, ?, ?)",
                    chainId, sink, n.blockNumber(), n.logIndex());
        }
        w.commit();
    }
}
