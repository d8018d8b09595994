package dev.huzhu.indexer;

import dev.huzhu.protocol.EventArgs;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * Relief campaigns in the index (issue 13, migration V12): the factory's CampaignCreated makes the
 * campaign's row; Donated, MatchReceived, MilestoneReleased, Refunded and CampaignCancelled keep its
 * books (the same figures as the campaign's books() view); donations and released milestones are
 * appended, keyed by chain position. A campaign's events are scoped to the campaign.
 */
final class CampaignProjections {
    private CampaignProjections() {}

    static void created(SqlWriter w, long chainId, DecodedEvent e, String campaign) throws SQLException {
        EventArgs a = e.args();
        String round = a.text("round");
        w.update("INSERT INTO campaigns (chain_id, address, factory, campaign_id, beneficiary, matching_round, token, goal, deadline, "
                        + "description_hash, created_block, created_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, campaign, e.contract(), a.longValue("campaignId"), a.text("beneficiary"),
                round == null || round.matches("0x0{40}") ? null : round, a.text("token"), a.uint("goal").toString(), a.longValue("deadline"),
                a.text("descriptionHash"), e.blockNumber(), e.blockTime());
    }

    static void donated(SqlWriter w, long chainId, DecodedEvent e, String campaign) throws SQLException {
        EventArgs a = e.args();
        BigInteger amount = a.uint("amount");
        w.append("INSERT INTO donations (chain_id, block_number, log_index, block_hash, tx_hash, block_time, campaign, donor, amount) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockNumber(), e.logIndex(), e.blockHash(), e.txHash(), e.blockTime(), campaign, a.text("donor"), amount.toString());
        // a donor's first gift: its running total is this gift
        sums(w, chainId, campaign).add("raised", amount);
        row(w, chainId, campaign).add("donors", a.uint("donorTotal").equals(amount) ? 1 : 0);
    }

    static void milestoneReleased(SqlWriter w, long chainId, DecodedEvent e, String campaign) throws SQLException {
        EventArgs a = e.args();
        BigInteger amount = a.uint("amount");
        w.append("INSERT INTO milestone_releases (chain_id, block_number, log_index, block_hash, tx_hash, block_time, campaign, milestone, "
                        + "evidence_hash, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockNumber(), e.logIndex(), e.blockHash(), e.txHash(), e.blockTime(), campaign, a.longValue("index"),
                a.text("evidenceHash"), amount.toString());
        // a match paid after completion is released with the last milestone again, under a zero evidence hash: not a new milestone
        boolean late = a.text("evidenceHash").matches("0x0{64}");
        sums(w, chainId, campaign).add("released", amount);
        row(w, chainId, campaign).add("milestones_released", late ? 0 : 1);
    }

    /** The round that pays a match counts as one more donor (of its match), as the campaign's books do. */
    static void matchReceived(SqlWriter w, long chainId, DecodedEvent e, String campaign) {
        sums(w, chainId, campaign).add("matched", e.args().uint("amount"));
        row(w, chainId, campaign).add("donors", 1);
    }

    static void refunded(SqlWriter w, long chainId, DecodedEvent e, String campaign) {
        sums(w, chainId, campaign).add("refunded", e.args().uint("amount"));
    }

    /** A donor pulled its points after completion (V15.1): AidPoints.totalOf(campaign) grows by them. */
    static void pointsClaimed(SqlWriter w, long chainId, DecodedEvent e, String campaign) throws SQLException {
        EventArgs a = e.args();
        w.append("INSERT INTO donor_points (chain_id, block_number, log_index, block_hash, tx_hash, block_time, campaign, donor, points) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockNumber(), e.logIndex(), e.blockHash(), e.txHash(), e.blockTime(), campaign, a.text("donor"), a.uint("points").toString());
        row(w, chainId, campaign).add("points_minted", a.uint("points")).add("points_claims", 1);
    }

    static void cancelled(SqlWriter w, long chainId, DecodedEvent e, String campaign) {
        row(w, chainId, campaign).set("cancelled", 1);
    }

    /**
     * The campaign's exact TEXT amounts (raised, matched, released, refunded), added in Java: "column + ?" on a TEXT
     * column is an error on PostgreSQL (text + numeric), and inexact past 2^63 on SQLite.
     */
    private static SqlWriter.TextSums sums(SqlWriter w, long chainId, String campaign) {
        return w.textSums("campaigns", new String[] {"chain_id", "address"}, chainId, campaign);
    }

    private static SqlWriter.RowChange row(SqlWriter w, long chainId, String campaign) {
        return w.change("campaigns", "chain_id = ? AND address = ?", chainId, campaign);
    }
}
