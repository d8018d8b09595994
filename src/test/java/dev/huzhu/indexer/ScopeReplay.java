package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reorg does to the projections (EventStore.rollbackTo): every scope cleared and replayed from its stored
 * events, in order. The given tables must come out row for row as the indexer wrote them while following the chain.
 */
public final class ScopeReplay {
    /** The tables of migration V14 (rounds, group purchases, parametric plans); V17's clone_terms is read from the chain again after a replay. */
    public static final List<String> SCENARIO_TABLES = List.of("matching_rounds", "round_fundings", "round_admissions", "match_payouts",
            "campaign_sums", "group_purchases", "group_accounts", "group_pledges", "group_share_sales", "group_offers", "group_bookings",
            "parametric_plans", "parametric_members", "parametric_covers", "attestations", "parametric_claims");

    private ScopeReplay() {}

    /** Replays every scope of the index at {@code jdbcUrl} and checks that {@code tables} are unchanged (and not empty). */
    public static void rebuildsTheSame(String jdbcUrl, long chainId, List<String> tables) throws Exception {
        IndexDatabase db = IndexDatabase.open(jdbcUrl);
        List<String> before = TableDump.of(db, tables);
        assertTrue(!before.isEmpty(), "the tables hold rows");
        try (Connection c = db.connect(); SqlWriter w = new SqlWriter(c)) {
            List<String> scopes = new ArrayList<>();
            for (Object[] r : w.query("SELECT DISTINCT scope FROM events WHERE chain_id = ? ORDER BY scope", chainId)) {
                scopes.add((String) r[0]);
            }
            EventStore store = new EventStore(chainId, new Projector());
            for (String scope : scopes) {
                store.replay(w, scope);
            }
            w.commit();
        }
        assertEquals(before, TableDump.of(db, tables), "each scope replayed from its events (as after a reorg) gives the same rows");
    }
}
