package dev.huzhu.indexer;

import dev.huzhu.protocol.EventArgs;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.Map;

/**
 * Quadratic matching rounds in the index (issue 13, migration V14): the factory's RoundCreated makes the round's
 * row; RoundFunded, CampaignAdmitted, MatchPaid and PoolReclaimed keep its books (poolBooks(): pool and paid) and
 * append what happened. A campaign's Donated carries its matched Σ√c after the gift (sumSqrt), kept per campaign
 * (scoped to the campaign): the round's totalSquares() is Σ over its admitted campaigns of Σ√c², and matchOf(c) =
 * pool · Σ√c(c)² / totalSquares, both worked out when read (web.RoundReads).
 */
final class MatchingProjections {
    static final Map<String, Projector.Handler> HANDLERS = Map.of(
            "RoundCreated", MatchingProjections::created,
            "RoundFunded", MatchingProjections::funded,
            "CampaignAdmitted", MatchingProjections::admitted,
            "MatchPaid", MatchingProjections::matchPaid,
            "PoolReclaimed", MatchingProjections::reclaimed,
            "Donated", MatchingProjections::donated);
    static final Map<String, String> SCOPED_TABLES = Map.of("matching_rounds", "address", "round_fundings", "round",
            "round_admissions", "round", "match_payouts", "round", "campaign_sums", "campaign");

    private MatchingProjections() {}

    static void created(SqlWriter w, long chainId, DecodedEvent e, String round) throws SQLException {
        EventArgs a = e.args();
        w.update("INSERT INTO matching_rounds (chain_id, address, factory, round_id, sponsor, token, starts_at, ends_at, created_block, created_time) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, round, e.contract(), a.longValue("roundId"), a.text("sponsor"), a.text("token"), a.longValue("startsAt"),
                a.longValue("endsAt"), e.blockNumber(), e.blockTime());
    }

    static void funded(SqlWriter w, long chainId, DecodedEvent e, String round) throws SQLException {
        EventArgs a = e.args();
        ScenarioProjections.append(w, "round_fundings", "round, funder, amount, pool_after", chainId, e, round, a.text("funder"),
                a.uint("amount").toString(), a.uint("pool").toString());
        row(w, chainId, round).set("pool", a.uint("pool").toString()); // the pool after it, as the event says
    }

    static void admitted(SqlWriter w, long chainId, DecodedEvent e, String round) throws SQLException {
        ScenarioProjections.append(w, "round_admissions", "round, campaign", chainId, e, round, e.args().text("campaign"));
        row(w, chainId, round).add("admitted", 1);
    }

    static void matchPaid(SqlWriter w, long chainId, DecodedEvent e, String round) throws SQLException {
        EventArgs a = e.args();
        BigInteger amount = a.uint("amount");
        ScenarioProjections.append(w, "match_payouts", "round, campaign, amount, square, total_squares", chainId, e, round,
                a.text("campaign"), amount.toString(), a.uint("square").toString(), a.uint("totalSquares").toString());
        sums(w, chainId, round).add("paid", amount);
        row(w, chainId, round).add("matches_paid", 1);
    }

    static void reclaimed(SqlWriter w, long chainId, DecodedEvent e, String round) {
        sums(w, chainId, round).add("reclaimed", e.args().uint("amount"));
    }

    /** Any campaign's donation: its Σ√c after it (unchanged outside its round's window, and kept for campaigns of no round). */
    static void donated(SqlWriter w, long chainId, DecodedEvent e, String campaign) throws SQLException {
        String sum = e.args().uint("sumSqrt").toString();
        if (w.update("UPDATE campaign_sums SET sum_sqrt = ? WHERE chain_id = ? AND campaign = ?", sum, chainId, campaign) == 0) {
            w.update("INSERT INTO campaign_sums (chain_id, campaign, sum_sqrt) VALUES (?, ?, ?)", chainId, campaign, sum);
        }
    }

    /** The round's row: its pool (set) and integer counters. */
    private static SqlWriter.RowChange row(SqlWriter w, long chainId, String round) {
        return w.change("matching_rounds", "chain_id = ? AND address = ?", chainId, round);
    }

    /** Exact TEXT amounts of the round's row, added in Java (SQLite and PostgreSQL alike). */
    private static SqlWriter.TextSums sums(SqlWriter w, long chainId, String round) {
        return w.textSums("matching_rounds", new String[] {"chain_id", "address"}, chainId, round);
    }
}
