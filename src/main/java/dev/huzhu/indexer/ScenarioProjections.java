package dev.huzhu.indexer;

import java.util.HashMap;
import java.util.Map;

/**
 * The scenario contracts' projections (issue 13, migration V14) beside the plans' and campaigns': matching rounds
 * ({@link MatchingProjections}), group purchases ({@link GroupProjections}) and parametric plans
 * ({@link ParametricProjections}). {@link Projector} applies these handlers after its own for the same event name
 * (a Donated is the campaign's and also its round's), and clears these tables with a scope's.
 */
final class ScenarioProjections {
    /** Handlers by event name. */
    static final Map<String, Projector.Handler> HANDLERS;
    /** Tables and the column that holds their scope. */
    static final Map<String, String> SCOPED_TABLES;

    static {
        Map<String, Projector.Handler> h = new HashMap<>();
        h.putAll(MatchingProjections.HANDLERS);
        h.putAll(GroupProjections.HANDLERS);
        h.putAll(ParametricProjections.HANDLERS);
        HANDLERS = Map.copyOf(h);
        Map<String, String> s = new HashMap<>();
        s.putAll(MatchingProjections.SCOPED_TABLES);
        s.putAll(GroupProjections.SCOPED_TABLES);
        s.putAll(ParametricProjections.SCOPED_TABLES);
        s.put("clone_terms", "address"); // the clones' fixed terms (V17, ScenarioTerms): read again after a replay
        SCOPED_TABLES = Map.copyOf(s);
    }

    private ScenarioProjections() {}

    /**
     * Queues the row of an append-only table for {@code e}: its chain position (chain_id, block_number, log_index:
     * the key), block hash, transaction and time, then {@code columns} = {@code values}.
     */
    static void append(SqlWriter w, String table, String columns, long chainId, DecodedEvent e, Object... values) throws java.sql.SQLException {
        String marks = ", ?".repeat(values.length);
        w.append("INSERT INTO " + table + " (chain_id, block_number, log_index, block_hash, tx_hash, block_time, " + columns
                + ") VALUES (?, ?, ?, ?, ?, ?" + marks + ")", concat(new Object[] {chainId, e.blockNumber(), e.logIndex(), e.blockHash(),
                e.txHash(), e.blockTime()}, values));
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

}
