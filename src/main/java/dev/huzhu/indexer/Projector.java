package dev.huzhu.indexer;

import dev.huzhu.protocol.SolidityEnum;
import dev.huzhu.protocol.PointsReason;
import dev.huzhu.protocol.DisputeKind;
import dev.huzhu.protocol.ContributionModel;
import dev.huzhu.protocol.Category;
import dev.huzhu.protocol.EventArgs;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Turns decoded events (docs/events.md) into the normalised tables: plans, members, deposits,
 * contributions, claims, votes, challenges, payouts, ratings, points. Every row here is a pure
 * function of the {@code events} table, scope (plan) by scope, so a scope can always be cleared
 * and replayed after a reorg. Events without a handler (PeriodStarted, JuryVoteCommitted, …)
 * stay in {@code events} only. Plain INSERTs go through {@link SqlWriter#append} (batched; any later
 * read or change of the table flushes them first); an INSERT whose row count matters uses update().
 */
public final class Projector {
    /** Applies one event of one scope (plan). */
    interface Handler {
        void apply(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException;
    }

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    /** Tables and the column that holds their scope, for clearing a scope before a replay. */
    private static final Map<String, String> SCOPED_TABLES = Map.ofEntries(
            Map.entry("plans", "address"), Map.entry("members", "plan"), Map.entry("deposits", "plan"), Map.entry("contributions", "plan"),
            Map.entry("claims", "plan"), Map.entry("votes", "plan"), Map.entry("challenges", "plan"), Map.entry("payouts", "plan"),
            Map.entry("ratings", "plan"), Map.entry("points", "source"), Map.entry("jurors", "plan"), Map.entry("plan_points", "plan"),
            Map.entry("member_commitments", "plan"), Map.entry("anonymous_ratings", "plan"),
            Map.entry("campaigns", "address"), Map.entry("donations", "campaign"), Map.entry("milestone_releases", "campaign"),
            Map.entry("campaign_milestones", "campaign"), Map.entry("donor_points", "campaign"), Map.entry("tranche_schedules", "plan"), Map.entry("tranche_releases", "plan"));

    private final PlanTerms.Source terms;
    private final TransactionFacts tx = new TransactionFacts();
    /** Each plan's model once known (immutable): the projections of both models differ. */
    private final Map<String, Boolean> costSharing = new java.util.HashMap<>();
    private final Map<String, Boolean> education = new java.util.HashMap<>();
    /** Plans whose row exists, as far as the writer {@code plansOf} saw since its rollback number {@code plansAt}. */
    private final java.util.Set<String> plansWithRow = new java.util.HashSet<>();
    private SqlWriter plansOf;
    private long plansAt;
    private long plansCreated;

    private final Map<String, Handler> handlers = Map.ofEntries(
            Map.entry("PlanCreated", (w, c, e, p) -> {
                costSharing.remove(p); // known from here on (see planIs)
                education.remove(p);
                planCreated(w, c, e, p);
            }),
            Map.entry("MemberJoined", this::memberJoined),
            Map.entry("Deposited", (w, c, e, p) -> balanceMove(w, c, e, p, "deposit")),
            Map.entry("Withdrawn", (w, c, e, p) -> balanceMove(w, c, e, p, "withdrawal")),
            Map.entry("ContributionCharged", this::contributionCharged),
            Map.entry("SharesSettled", Projector::sharesSettled),
            Map.entry("PeriodStarted", (w, c, e, p) -> CoverProjections.periodStarted(w, c, e, p)),
            Map.entry("MemberLapsed", this::memberLapsed),
            Map.entry("MemberLeft", Projector::memberLeft),
            Map.entry("ClaimSubmitted", this::claimSubmitted),
            Map.entry("AssessorVoted", (w, c, e, p) -> vote(w, c, e, p, "assessor")),
            Map.entry("JuryVoteRevealed", (w, c, e, p) -> {
                vote(w, c, e, p, "juror");
                V3Projections.juryVoteRevealed(w, c, e, p);
            }),
            Map.entry("JuryVoteCommitted", (w, c, e, p) -> {
                V3Projections.juryVoteCommitted(w, c, e, p);
                PlanTerms.Terms t = termsOf(p);
                addToPlan(w, c, p, "bonds_held", t == null ? BigInteger.ZERO : t.jurorDeposit()); // the juror's deposit, held
            }),
            Map.entry("JuryDrawScheduled", V3Projections::juryDrawScheduled),
            Map.entry("JurorDrawn", V3Projections::jurorDrawn),
            Map.entry("JuryDrawn", V3Projections::juryDrawn),
            Map.entry("JuryFellBack", V3Projections::juryFellBack),
            Map.entry("JurorRewarded", (w, c, e, p) -> {
                V3Projections.jurorRewarded(w, c, e, p);
                BigInteger back = e.args().uint("deposit").add(e.args().uint("reward"));
                addToPlan(w, c, p, "bonds_held", back.negate()); // out of the bonds, credited to the juror's free balance
                memberRow(w, c, p, e.args().text("juror")).add("balance", back);
            }),
            Map.entry("JurorDepositForfeited", (w, c, e, p) -> {
                V3Projections.jurorDepositForfeited(w, c, e, p);
                addToPlan(w, c, p, "bonds_held", e.args().uint("amount").negate());
            }),
            Map.entry("BondsReleased", (w, c, e, p) -> {
                addToPlan(w, c, p, "bonds_held", e.args().uint("amount").negate()); // credited to the winner's free balance
                memberRow(w, c, p, e.args().text("to")).add("balance", e.args().uint("amount"));
            }),
            Map.entry("ClaimOwed", V3Projections::claimOwed),
            Map.entry("CloseVoted", V3Projections::closeVoted),
            Map.entry("BelowFloorNoted", V3Projections::belowFloorNoted),
            Map.entry("PlanClosed", V3Projections::planClosed),
            Map.entry("ExitsOpened", V3Projections::exitsOpened),
            Map.entry("ExitShared", V3Projections::exitShared),
            Map.entry("PointsClaimed", V3Projections::pointsClaimed),
            Map.entry("ClaimApproved", (w, c, e, p) -> claimStatus(w, c, e, p, "Approved", "claims_approved")),
            Map.entry("ClaimRejected", (w, c, e, p) -> claimStatus(w, c, e, p, "Rejected", "claims_rejected")),
            Map.entry("ClaimDisputed", Projector::claimDisputed),
            Map.entry("DisputeResolved", Projector::disputeResolved),
            Map.entry("ClaimPaid", this::claimPaid),
            Map.entry("ClaimDenied", (w, c, e, p) -> claimStatus(w, c, e, p, "Denied", "claims_denied")),
            Map.entry("BondsForfeited", (w, c, e, p) -> planRow(w, c, p).add("reserve", e.args().uint("amount"))
                    .add("bonds_held", e.args().uint("amount").negate())),
            Map.entry("FeeLowered", (w, c, e, p) -> w.update("UPDATE plans SET fee_bps = ? WHERE chain_id = ? AND address = ?",
                    (int) e.args().longValue("newBps"), c, p)),
            Map.entry("FeesWithdrawn", (w, c, e, p) -> addToPlan(w, c, p, "fees", e.args().uint("amount").negate())),
            Map.entry("PlanPaused", (w, c, e, p) -> w.update("UPDATE plans SET paused = 1 WHERE chain_id = ? AND address = ?", c, p)),
            Map.entry("PlanUnpaused", (w, c, e, p) -> w.update("UPDATE plans SET paused = 0 WHERE chain_id = ? AND address = ?", c, p)),
            Map.entry("PlanRated", Projector::planRated),
            Map.entry("CommitmentRegistered", ZkProjections::commitmentRegistered),
            Map.entry("AnonymouslyRated", ZkProjections::anonymouslyRated),
            Map.entry("PointsAccrued", Projector::pointsAccrued),
            // EDUCATION: a term's tranche credited to the institution; a stopped schedule's rest back to the reserve
            Map.entry("EscrowReleased", (w, c, e, p) -> memberRow(w, c, p, e.args().text("to")).add("balance", e.args().uint("amount"))),
            Map.entry("EscrowReturned", (w, c, e, p) -> planRow(w, c, p).add("reserve", e.args().uint("amount"))),
            // relief campaigns (CampaignProjections)
            Map.entry("CampaignCreated", CampaignProjections::created),
            Map.entry("Donated", CampaignProjections::donated),
            Map.entry("MatchReceived", CampaignProjections::matchReceived),
            Map.entry("MilestoneReleased", CampaignProjections::milestoneReleased),
            Map.entry("Refunded", CampaignProjections::refunded),
            Map.entry("CampaignCancelled", CampaignProjections::cancelled),
            Map.entry("DonorPointsClaimed", CampaignProjections::pointsClaimed),
            // EDUCATION schedules (TrancheEscrow, followed like a factory: TrancheProjections)
            Map.entry("TermsSet", TrancheProjections::termsSet),
            Map.entry("InstitutionNamed", TrancheProjections::institutionNamed),
            Map.entry("TrancheReleased", TrancheProjections::trancheReleased),
            Map.entry("ScheduleStopped", TrancheProjections::scheduleStopped),
            Map.entry("UnreleasedReturned", TrancheProjections::unreleasedReturned));

    /** A projector that knows no plan's terms (what needs them, the COST_SHARING cover and juror deposits, is not projected). */
    public Projector() {
        this(PlanTerms.NONE);
    }

    Projector(PlanTerms.Source terms) {
        this.terms = terms;
    }

    private PlanTerms.Terms termsOf(String plan) {
        return terms.of(plan);
    }

    /** Applies {@code e}, which belongs to {@code plan}; events without a handler are ignored here. */
    public void apply(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        Handler h = handlers.get(e.name());
        Handler scenario = ScenarioProjections.HANDLERS.get(e.name()); // rounds, group purchases, parametric plans (V14)
        if (h != null || scenario != null) {
            tx.see(e);
        }
        if (h != null) {
            h.apply(w, chainId, e, plan);
        }
        if (scenario != null) {
            scenario.apply(w, chainId, e, plan);
        }
    }

    /** Removes every projected row of {@code scope}, before replaying its events. */
    public void clear(SqlWriter w, long chainId, String scope) throws SQLException {
        costSharing.remove(scope);
        education.remove(scope);
        plansWithRow.remove(scope);
        for (Map<String, String> tables : List.of(SCOPED_TABLES, ScenarioProjections.SCOPED_TABLES)) {
            for (Map.Entry<String, String> t : tables.entrySet()) {
                w.update("DELETE FROM " + t.getKey() + " WHERE chain_id = ? AND " + t.getValue() + " = ?", chainId, scope);
            }
        }
    }

    /** The Solidity constant name of an enum argument ("MEDICAL"), as the tables store it; null when absent. */
    static <E extends Enum<E> & SolidityEnum> String enumName(Class<E> type, BigInteger ordinal) {
        return ordinal == null ? null : SolidityEnum.of(type, ordinal).name();
    }

    // ------------------------------------------------------------------ plans and members

    /**
     * Creates the plan's row if it has none yet. The plans known to have one are remembered, so that the events of a
     * range do not send the plan's queued counters once per claim: forgotten when the writer rolls back (the row may
     * have gone with the transaction) and when the scope is cleared for a replay.
     */
    private void havePlanRow(SqlWriter w, long chainId, String plan, DecodedEvent e) throws SQLException {
        if (w != plansOf || w.rollbacks() != plansAt) {
            plansWithRow.clear();
            plansOf = w;
            plansAt = w.rollbacks();
        }
        if (plansWithRow.add(plan)) {
            plansCreated += ensurePlan(w, chainId, plan, e);
        }
    }

    /**
     * How many plan rows the events applied so far created: a new plan's rules are read after its transaction commits
     * (PlanRules), so the indexer ends a transaction that created one rather than project more of its events without them.
     */
    long plansCreated() {
        return plansCreated;
    }

    /** Creates the plan's row if it has none yet (one statement each time; see {@link #havePlanRow}); 1 if it did. */
    static int ensurePlan(SqlWriter w, long chainId, String plan, DecodedEvent e) throws SQLException {
        return w.update("INSERT INTO plans (chain_id, address, created_block, created_time) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (chain_id, address) DO NOTHING", chainId, plan, e.blockNumber(), e.blockTime());
    }

    private void planCreated(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        havePlanRow(w, chainId, plan, e);
        EventArgs a = e.args();
        w.update("UPDATE plans SET factory = ?, creator = ?, category = ?, model = ?, asset = ?, rules_hash = ?, plan_id = ?, "
                        + "created_block = ?, created_time = ? WHERE chain_id = ? AND address = ?",
                e.contract(), a.text("creator"), enumName(Category.class, a.uint("category")), enumName(ContributionModel.class, a.uint("model")),
                a.text("asset"), a.text("rulesHash"), a.longValue("planId"), e.blockNumber(), e.blockTime(), chainId, plan);
    }

    private static void addToPlan(SqlWriter w, long chainId, String plan, String column, BigInteger amount) throws SQLException {
        planRow(w, chainId, plan).add(column, amount);
    }

    /** The plan's row, changed at the next flush (see {@link SqlWriter#change}). */
    static SqlWriter.RowChange planRow(SqlWriter w, long chainId, String plan) {
        return w.change("plans", "chain_id = ? AND address = ?", chainId, plan);
    }

    /** A member's row in a plan, changed at the next flush. */
    static SqlWriter.RowChange memberRow(SqlWriter w, long chainId, String plan, String member) {
        return w.change("members", "chain_id = ? AND plan = ? AND member = ?", chainId, plan, member);
    }

    private boolean costSharing(SqlWriter w, long chainId, String plan) throws SQLException {
        return planIs(w, chainId, plan, "model", "COST_SHARING", costSharing);
    }

    /**
     * Whether the plan's {@code column} (model or category: fixed at creation) holds {@code value}, remembered per plan once
     * known: once PlanCreated or the plan's rules set it, or once the rules were read and had none (a contract without
     * rules(): it never will). Not remembered while still unknown (no row, or rules not read yet). Each look-up reads the
     * plans table, and so sends the rows queued for it: remembering it keeps a range's writes batched.
     */
    private static boolean planIs(SqlWriter w, long chainId, String plan, String column, String value, Map<String, Boolean> known)
            throws SQLException {
        Boolean k = known.get(plan);
        if (k != null) {
            return k;
        }
        List<Object[]> r = w.query("SELECT " + column + ", rules_json FROM plans WHERE chain_id = ? AND address = ?", chainId, plan);
        if (r.isEmpty() || r.get(0)[0] == null && r.get(0)[1] == null) {
            return false;
        }
        boolean is = value.equals(r.get(0)[0]);
        known.put(plan, is);
        return is;
    }

    /**
     * MemberLapsed. PREPAID: out of the active members at once. COST_SHARING: a lapse found by a
     * settlement leaves the member counted until the next roll-over (PeriodStarted counts them out); a
     * lapse from re-filing the cover after a deposit or withdrawal takes them out at once.
     */
    private void memberLapsed(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        String member = e.args().text("member");
        boolean counted = !costSharing(w, chainId, plan) || tx.afterBalanceMove(plan, member);
        memberEnded(w, chainId, e, plan, "lapsed", counted);
    }

    private void memberJoined(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        havePlanRow(w, chainId, plan, e);
        String member = e.args().text("member");
        tx.joined(plan, member);
        String referrer = e.args().text("referrer");
        referrer = referrer == null || ZERO_ADDRESS.equals(referrer) ? null : referrer;
        long joined = e.args().has("joinedAt") ? e.args().longValue("joinedAt") : e.blockTime();
        Long eligible = e.args().has("eligibleAt") ? e.args().longValue("eligibleAt") : null;
        int inserted = w.update("INSERT INTO members (chain_id, plan, member, status, joined_block, joined_time, eligible_at, referrer) "
                        + "VALUES (?, ?, ?, 'active', ?, ?, ?, ?) ON CONFLICT (chain_id, plan, member) DO NOTHING",
                chainId, plan, member, e.blockNumber(), joined, eligible, referrer);
        if (inserted == 0) {
            w.update("UPDATE members SET status = 'active', joined_block = ?, joined_time = ?, eligible_at = ? "
                    + "WHERE chain_id = ? AND plan = ? AND member = ?", e.blockNumber(), joined, eligible, chainId, plan, member);
        }
        planRow(w, chainId, plan).add("members_total", inserted).add("members_active", 1);
    }

    private static void memberEnded(SqlWriter w, long chainId, DecodedEvent e, String plan, String status, boolean counted) throws SQLException {
        int changed = w.update("UPDATE members SET status = ? WHERE chain_id = ? AND plan = ? AND member = ? AND status = 'active'",
                status, chainId, plan, e.args().text("member"));
        if (e.args().has("paidThrough")) {
            w.update("UPDATE members SET paid_through = ? WHERE chain_id = ? AND plan = ? AND member = ?",
                    e.args().longValue("paidThrough"), chainId, plan, e.args().text("member"));
        }
        planRow(w, chainId, plan).add("members_active", counted ? -changed : 0);
    }

    private static void memberLeft(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        memberEnded(w, chainId, e, plan, "left", true);
        BigInteger refunded = e.args().uint("refunded");
        w.append("INSERT INTO deposits (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, kind, amount, balance_after) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'refund', ?, 0)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, e.args().text("member"), refunded);
        w.update("UPDATE members SET balance = 0, shares_due = 0 WHERE chain_id = ? AND plan = ? AND member = ?", chainId, plan, e.args().text("member"));
    }

    private void balanceMove(SqlWriter w, long chainId, DecodedEvent e, String plan, String kind) throws SQLException {
        String member = e.args().text("member");
        BigInteger after = e.args().uint("balance");
        tx.balanceMoved(plan, member);
        w.append("INSERT INTO deposits (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, kind, amount, balance_after) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, member, kind, e.args().uint("amount"), after);
        memberRow(w, chainId, plan, member).set("balance", after);
        if (costSharing(w, chainId, plan) && refiles(w, chainId, plan, member, kind)) {
            CoverProjections.refile(w, chainId, e, plan, member, after, terms.of(plan));
        }
    }

    /** Whether a COST_SHARING deposit or withdrawal re-files the member's cover: an active member's, and no more once exits are open. */
    private static boolean refiles(SqlWriter w, long chainId, String plan, String member, String kind) throws SQLException {
        List<Object[]> m = w.query("SELECT status FROM members WHERE chain_id = ? AND plan = ? AND member = ?", chainId, plan, member);
        if (m.isEmpty() || !"active".equals(m.get(0)[0])) {
            return false;
        }
        if ("deposit".equals(kind)) {
            return true;
        }
        List<Object[]> p = w.query("SELECT exits_open FROM plans WHERE chain_id = ? AND address = ?", chainId, plan);
        return p.isEmpty() || p.get(0)[0] == null || ((Number) p.get(0)[0]).intValue() == 0;
    }

    private void contributionCharged(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        String member = e.args().text("member");
        BigInteger amount = e.args().uint("amount");
        BigInteger fee = e.args().has("fee") ? e.args().uint("fee") : BigInteger.ZERO;
        contribution(w, chainId, e, plan, member, "contribution", e.args().longValue("periods"), amount);
        memberRow(w, chainId, plan, member).add("contributed", amount).add("balance", amount.negate())
                .set("paid_through", e.args().longValue("paidThrough"));
        planRow(w, chainId, plan).add("reserve", amount.subtract(fee)).add("fees", fee);
        if (tx.chargedOnTime(plan, member)) { // POINTS_CONTRIBUTION per period paid on time, implied by the event (docs/events.md)
            V3Projections.addPoints(w, chainId, plan, member, BigInteger.valueOf(e.args().longValue("periods")), BigInteger.ZERO);
        }
    }

    private static void sharesSettled(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        String member = e.args().text("member");
        BigInteger amount = e.args().uint("amount");
        contribution(w, chainId, e, plan, member, "share", null, amount);
        memberRow(w, chainId, plan, member).add("contributed", amount).set("balance", e.args().uint("balance"))
                .set("paid_through", e.args().longValue("paidThrough"));
        CoverProjections.settled(w, chainId, plan, member, amount);
        V3Projections.addPoints(w, chainId, plan, member, BigInteger.ONE, BigInteger.ZERO); // one point per settlement, implied by the event
    }

    private static void contribution(SqlWriter w, long chainId, DecodedEvent e, String plan, String member, String kind, Long periods,
                                     BigInteger amount) throws SQLException {
        w.append("INSERT INTO contributions (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, kind, periods, amount) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, member, kind, periods, amount);
    }

    // ------------------------------------------------------------------ claims

    private void claimSubmitted(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        havePlanRow(w, chainId, plan, e);
        EventArgs a = e.args();
        w.append("INSERT INTO claims (chain_id, plan, claim_id, claimant, amount, evidence_hash, status, submitted_block, submitted_time, "
                        + "updated_block, bond, incurred_at) VALUES (?, ?, ?, ?, ?, ?, 'Submitted', ?, ?, ?, ?, ?)",
                chainId, plan, a.longValue("claimId"), a.text("claimant"), a.uint("amount"), a.text("evidenceHash"),
                e.blockNumber(), e.blockTime(), e.blockNumber(), a.uint("bond"), a.has("incurredAt") ? a.longValue("incurredAt") : null);
        planRow(w, chainId, plan).add("claims_total", 1).add("bonds_held", a.uint("bond"));
    }

    private static void vote(SqlWriter w, long chainId, DecodedEvent e, String plan, String role) throws SQLException {
        boolean approve = e.args().bool("approve");
        long claimId = e.args().longValue("claimId");
        w.append("INSERT INTO votes (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, voter, role, approve) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, claimId,
                e.args().text("assessor", "juror"), role, approve);
        String counter = "assessor".equals(role) ? (approve ? "approvals" : "rejections") : (approve ? "votes_for" : "votes_against");
        w.update("UPDATE claims SET " + counter + " = " + counter + " + 1, updated_block = ? WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                e.blockNumber(), chainId, plan, claimId);
    }

    private static void claimStatus(SqlWriter w, long chainId, DecodedEvent e, String plan, String status, String counter) throws SQLException {
        w.update("UPDATE claims SET status = ?, decided_time = COALESCE(decided_time, ?), updated_block = ? "
                + "WHERE chain_id = ? AND plan = ? AND claim_id = ?", status, e.blockTime(), e.blockNumber(), chainId, plan, e.args().longValue("claimId"));
        if (counter != null) {
            w.update("UPDATE plans SET " + counter + " = " + counter + " + 1 WHERE chain_id = ? AND address = ?", chainId, plan);
        }
    }

    private static void claimDisputed(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        long claimId = e.args().longValue("claimId");
        String kind = enumName(DisputeKind.class, e.args().uint("kind"));
        w.update("UPDATE claims SET status = 'Disputed', dispute_kind = ?, appealed = ?, updated_block = ? "
                        + "WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                kind, DisputeKind.APPEALED.name().equals(kind) ? 1 : 0, e.blockNumber(), chainId, plan, claimId);
        w.append("INSERT INTO challenges (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, challenger, bond, outcome) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, claimId,
                e.args().text("by"), e.args().uint("bond"), kind);
        addToPlan(w, chainId, plan, "bonds_held", e.args().uint("bond")); // a challenge or appeal bond (0 when escalated)
    }

    private static void disputeResolved(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        long claimId = e.args().longValue("claimId");
        String outcome = e.args().bool("approved") ? "approved" : "denied";
        w.update("UPDATE claims SET jury_outcome = ? WHERE chain_id = ? AND plan = ? AND claim_id = ?", "verdict-" + outcome, chainId, plan, claimId);
        w.update("UPDATE challenges SET outcome = outcome || ': ' || ? WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                outcome, chainId, plan, claimId);
        // the status stays Disputed here: the same finalize moves it to Paid or Denied (ClaimPaid/ClaimDenied right after);
        // the jury's verdict is its own column (jury_outcome), never a status the contract lacks
        w.update("UPDATE claims SET votes_for = ?, votes_against = ?, updated_block = ? "
                        + "WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                (int) e.args().longValue("votesFor"), (int) e.args().longValue("votesAgainst"), e.blockNumber(), chainId, plan, claimId);
    }

    private void claimPaid(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        long claimId = e.args().longValue("claimId");
        BigInteger amount = e.args().uint("amount");
        BigInteger fee = e.args().has("fee") ? e.args().uint("fee") : BigInteger.ZERO;
        List<Object[]> claim = w.query("SELECT claimant, submitted_time, status, paid, owed FROM claims WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                chainId, plan, claimId);
        String recipient = e.args().has("claimant") ? e.args().text("claimant") : claim.isEmpty() ? "" : (String) claim.get(0)[0];
        long submitted = claim.isEmpty() ? e.blockTime() : ((Number) claim.get(0)[1]).longValue();
        boolean firstPayment = claim.isEmpty() || !"Paid".equals(claim.get(0)[2]);
        w.append("INSERT INTO payouts (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, recipient, amount) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, claimId, recipient, amount);
        // an instalment of an owed claim: paid grows, owed shrinks (exact, in Java: TEXT columns, see V4)
        BigInteger paid = claim.isEmpty() ? BigInteger.ZERO : SqlWriter.amountOf(claim.get(0)[3]);
        BigInteger owed = claim.isEmpty() ? BigInteger.ZERO : SqlWriter.amountOf(claim.get(0)[4]);
        BigInteger settled = owed.min(amount);
        w.update("UPDATE claims SET status = 'Paid', paid_amount = ?, paid = ?, owed = ?, "
                        + "paid_time = COALESCE(paid_time, ?), updated_block = ? WHERE chain_id = ? AND plan = ? AND claim_id = ?",
                paid.add(amount), paid.add(amount).toString(), claim.isEmpty() || claim.get(0)[4] == null ? null : owed.subtract(settled).toString(),
                e.blockTime(), e.blockNumber(), chainId, plan, claimId);
        if (settled.signum() > 0) {
            V3Projections.addOwed(w, chainId, plan, settled.negate(), owed.equals(settled) ? -1 : 0);
        }
        // v3: the reserve pays first and gets the shares' rounding dust back; older events carried neither
        BigInteger fromReserve = e.args().has("fromReserve") ? e.args().uint("fromReserve")
                : costSharing(w, chainId, plan) ? BigInteger.ZERO : amount;
        BigInteger dust = e.args().has("dust") ? e.args().uint("dust") : BigInteger.ZERO;
        planRow(w, chainId, plan).add("claims_paid", firstPayment ? 1 : 0).add("paid_total", amount)
                .add("reserve", dust.subtract(fromReserve)).add("fees", fee).add("pay_seconds_sum", firstPayment ? e.blockTime() - submitted : 0L);
        if (e.args().has("sharePerMember") && costSharing(w, chainId, plan)) {
            CoverProjections.charge(w, chainId, e, plan, e.args().uint("sharePerMember"), terms.of(plan));
        }
        if (!recipient.isEmpty() && !education(w, chainId, plan)) {
            memberRow(w, chainId, plan, recipient).add("balance", amount); // credited to the claimant's free balance (pull payment)
        } // EDUCATION: credited to the tranche escrow, released to the institution by term (EscrowReleased)
    }

    /** Whether the plan is an EDUCATION plan (its payouts go to the tranche escrow, not the claimant). */
    private boolean education(SqlWriter w, long chainId, String plan) throws SQLException {
        return planIs(w, chainId, plan, "category", "EDUCATION", education);
    }

    // ------------------------------------------------------------------ ratings and points

    private static void planRated(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        int stars = (int) e.args().longValue("stars");
        w.append("INSERT INTO ratings (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, rater, score, review_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, e.args().text("member"), stars,
                e.args().text("reviewHash"));
        planRow(w, chainId, plan).add("rating_sum", stars).add("rating_count", 1);
    }

    private static void pointsAccrued(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        w.append("INSERT INTO points (chain_id, block_hash, tx_hash, log_index, block_number, block_time, source, account, amount, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, e.args().text("member"),
                e.args().uint("amount"), enumName(PointsReason.class, e.args().uint("reason")));
        V3Projections.addPoints(w, chainId, plan, e.args().text("member"), e.args().uint("amount"), BigInteger.ZERO);
    }
}
