package dev.huzhu.indexer;

import dev.huzhu.protocol.EventArgs;
import java.sql.SQLException;

/**
 * EDUCATION schedules in the index (issue 13, migration V15): the deployment's TrancheEscrow is followed like a
 * factory (its events name their plan, so they belong to the plan's scope). TermsSet fixes a plan's tranches and
 * term; InstitutionNamed makes a claim's schedule; TrancheReleased, ScheduleStopped and UnreleasedReturned keep it
 * (the same figures as {@code TrancheEscrow.scheduleOf}); each release is appended to {@code tranche_releases}.
 * EnrolmentApproved (one assessor's vote) stays in {@code events} only.
 */
final class TrancheProjections {
    private TrancheProjections() {}

    static void termsSet(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        Projector.ensurePlan(w, chainId, plan, e);
        w.update("UPDATE plans SET tranches = ?, term_seconds = ? WHERE chain_id = ? AND address = ?",
                (int) e.args().longValue("tranches"), e.args().longValue("termLength"), chainId, plan);
    }

    static void institutionNamed(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        EventArgs a = e.args();
        w.update("INSERT INTO tranche_schedules (chain_id, plan, claim_id, institution, tranches, term_seconds, named_block) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", chainId, plan, a.longValue("claimId"), a.text("institution"),
                (int) a.longValue("tranches"), a.longValue("termLength"), e.blockNumber());
    }

    static void trancheReleased(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        EventArgs a = e.args();
        long claim = a.longValue("claimId");
        long term = a.longValue("term");
        w.append("INSERT INTO tranche_releases (chain_id, block_number, log_index, block_hash, tx_hash, block_time, plan, claim_id, term, "
                        + "institution, amount, proof_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockNumber(), e.logIndex(), e.blockHash(), e.txHash(), e.blockTime(), plan, claim, (int) term,
                a.text("institution"), a.uint("amount").toString(), a.text("proofHash"));
        SqlWriter.RowChange row = schedule(w, chainId, plan, claim).set("released_terms", (int) term + 1).add("released_amount", a.uint("amount"));
        if (term == 0) {
            row.set("started_at", e.blockTime()); // terms count from term 0's release (TrancheEscrow.startedAt)
        }
    }

    static void scheduleStopped(SqlWriter w, long chainId, DecodedEvent e, String plan) {
        schedule(w, chainId, plan, e.args().longValue("claimId")).set("stopped", 1).set("stopped_by", e.args().text("by"))
                .set("stopped_time", e.blockTime());
    }

    static void unreleasedReturned(SqlWriter w, long chainId, DecodedEvent e, String plan) {
        schedule(w, chainId, plan, e.args().longValue("claimId")).add("returned_amount", e.args().uint("amount"));
    }

    private static SqlWriter.RowChange schedule(SqlWriter w, long chainId, String plan, long claim) {
        return w.change("tranche_schedules", "chain_id = ? AND plan = ? AND claim_id = ?", chainId, plan, claim);
    }
}
