package dev.huzhu.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read-only queries behind the API, for one chain. */
final class ReadModel {
    /** Plan comparison columns: sort key → SQL expression. */
    static final Map<String, String> PLAN_SORTS = Map.of(
            "fee", "COALESCE(fee_bps, 0)",
            "contribution", "COALESCE(contribution, 0)",
            "reserve", "reserve",
            "members", "members_active",
            "approval", "CASE WHEN claims_paid + claims_denied = 0 THEN -1 ELSE 1.0 * claims_paid / (claims_paid + claims_denied) END",
            "timeToPay", "CASE WHEN claims_paid = 0 THEN NULL ELSE 1.0 * pay_seconds_sum / claims_paid END",
            "rating", "CASE WHEN rating_count = 0 THEN -1 ELSE 1.0 * rating_sum / rating_count END",
            "created", "created_block");

    private static final String PLAN_COLUMNS = "address, factory, creator, name, category, model, asset, contribution, period_seconds, "
            + "waiting_seconds, max_payout, fee_bps, quorum, assessors, rules_hash, created_block, created_time, token_symbol, token_decimals, reserve, fees, bonds_held, "
            + "members_total, members_active, claims_total, claims_approved, claims_rejected, claims_paid, claims_denied, paid_total, "
            // the final outcomes (paid or denied), not the assessors' first decision that a jury may overturn
            + "CASE WHEN claims_paid + claims_denied = 0 THEN NULL ELSE 1.0 * claims_paid / (claims_paid + claims_denied) END AS approval_ratio, "
            + "CASE WHEN claims_paid = 0 THEN NULL ELSE pay_seconds_sum / claims_paid END AS avg_pay_seconds, "
            + "CASE WHEN rating_count = 0 THEN NULL ELSE 1.0 * rating_sum / rating_count END AS rating, rating_count, "
            // protocol v3: what approved claims still owe, the jury's size, the wind-down (V4)
            + "COALESCE(owed_total, '0') AS owed_total, owed_claims, jury_panel, CASE WHEN jury_panel IS NULL THEN NULL ELSE jury_panel / 2 + 1 END AS jury_quorum, "
            + "min_members, floor_periods, close_round, close_votes, below_floor_since, closed, closed_at, close_reason, exits_open, exit_members, "
            + "exit_pool, exit_paid, exits_taken, "
            // the comparison's plan id (#0, as the CLI takes it), cost-sharing cap and bonds (issue 14)
            + "plan_id, share_cap, claim_bond, challenge_bond";

    /**
     * A claim's v3 columns (V4): what it has been paid and still owes (exact decimal strings of base
     * units), and its jury: round, seats drawn, the quorum of reveals (panel / 2 + 1), commits,
     * reveals, votes, outcome (verdict-approved, verdict-denied, fell-back-approved, fell-back-denied)
     * and, when the assessors' decision stood, why (no-verdict, not-drawn).
     */
    private static final String CLAIM_V3 = "COALESCE(paid, CAST(paid_amount AS VARCHAR(80)), '0') AS paid, "
            + "COALESCE(owed, '0') AS owed, owed_time, "
            + "dispute_kind, jury_round, jury_seats, (SELECT q.jury_panel / 2 + 1 FROM plans q WHERE q.chain_id = claims.chain_id AND q.address = claims.plan) "
            + "AS jury_quorum, jury_commits, jury_reveals, votes_for, votes_against, jury_commit_ends, jury_reveal_ends, jury_outcome, jury_fallback";

    /**
     * The token of a row's plan (correlated on the row's {@code plan} column): every amount is in base
     * units of that token, formatted by its decimals — never assumed to be 6.
     */
    private static String token(String table) {
        String match = " FROM plans t WHERE t.chain_id = " + table + ".chain_id AND t.address = " + table + ".plan)";
        return "(SELECT token_symbol" + match + " AS token_symbol, (SELECT token_decimals" + match + " AS token_decimals";
    }

    /** An indexer that has not written its status for this long is reported as stopped (it writes at least every 2 s). */
    static final long STALE_MS = 60_000;

    private final long chainId;
    private final String explorer;
    private final java.util.function.Supplier<dev.huzhu.indexer.IndexerHealth.Snapshot> live;

    ReadModel(long chainId) {
        this(chainId, null);
    }

    ReadModel(long chainId, java.util.function.Supplier<dev.huzhu.indexer.IndexerHealth.Snapshot> live) {
        this(chainId, live, null);
    }

    /** {@code explorer}: the block explorer's base URL the page links to (null: none). */
    ReadModel(long chainId, java.util.function.Supplier<dev.huzhu.indexer.IndexerHealth.Snapshot> live, String explorer) {
        this.explorer = explorer;
        this.chainId = chainId;
        this.live = live;
    }

    /** The chain this model reads. */
    long chainId() {
        return chainId;
    }

    Map<String, Object> plans(Connection c, String sort, String order, int limit, int offset) throws SQLException {
        String orderBy = PLAN_SORTS.get(sort) + " " + ("asc".equals(order) ? "ASC" : "DESC") + ", address";
        List<Map<String, Object>> items = Rows.query(c, "SELECT " + PLAN_COLUMNS + " FROM plans WHERE chain_id = ? ORDER BY "
                + orderBy + " LIMIT ? OFFSET ?", chainId, limit, offset);
        return page(items, Rows.count(c, "SELECT COUNT(*) FROM plans WHERE chain_id = ?", chainId), limit, offset);
    }

    /** A plan's row with the first {@code limit} members (joining order), the newest {@code limit} claims and payouts. */
    Map<String, Object> plan(Connection c, String address, int limit, int offset) throws SQLException {
        List<Map<String, Object>> rows = Rows.query(c, "SELECT " + PLAN_COLUMNS + " FROM plans WHERE chain_id = ? AND address = ?", chainId, address);
        if (rows.isEmpty()) {
            throw new NotFound("no plan at " + address + " on chain " + chainId);
        }
        Map<String, Object> plan = new LinkedHashMap<>(rows.get(0));
        plan.put("windDown", windDown(plan));
        List<Map<String, Object>> members = Rows.query(c, "SELECT member, status, joined_block, joined_time, eligible_at, balance, contributed, "
                + "paid_through, shares_due, shares_paid FROM members WHERE chain_id = ? AND plan = ? ORDER BY joined_block, member LIMIT ? OFFSET ?",
                chainId, address, limit, offset);
        Long now = indexedTime(c);
        for (Map<String, Object> m : members) {
            m.put("withdrawable", Withdrawable.of(m, plan, now));
        }
        plan.put("members", members);
        plan.put("claims", Rows.query(c, "SELECT claim_id, claimant, amount, status, approvals, rejections, submitted_block, submitted_time, "
                + "decided_time, paid_amount, paid_time, " + CLAIM_V3 + " FROM claims WHERE chain_id = ? AND plan = ? ORDER BY claim_id DESC LIMIT ? OFFSET ?", chainId, address,
                limit, offset));
        // amounts of every row above are in this plan's token: tokenSymbol / tokenDecimals of the plan
        plan.put("payouts", payoutRows(c, address, limit, offset));
        plan.put("anonymous", anonymousRatings(c, address, limit, offset));
        // public ratings that carry a review: its text is in the document store under the id its hash names (docs/privacy.md)
        plan.put("reviews", Rows.query(c, "SELECT rater, score, review_hash, block_number, block_time, tx_hash FROM ratings WHERE chain_id = ? AND plan = ? "
                + "AND review_hash IS NOT NULL AND review_hash <> ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, address,
                "0x" + "0".repeat(64), limit, offset));
        plan.put("listLimit", limit);
        plan.put("listOffset", offset); // members, claims and payouts are each one page of limit rows from offset
        return plan;
    }

    /**
     * A plan's anonymous ratings (zero-knowledge membership, AnonymousReviews): how many members registered a
     * commitment, how many rated and the average (stars are small integers: SQL may add them), and one page of the
     * ratings, newest first. No address: a rating is known by its nullifier only.
     */
    private Map<String, Object> anonymousRatings(Connection c, String plan, int limit, int offset) throws SQLException {
        Map<String, Object> a = new LinkedHashMap<>(Rows.query(c, "SELECT COUNT(*) AS count, AVG(1.0 * score) AS average FROM anonymous_ratings "
                + "WHERE chain_id = ? AND plan = ?", chainId, plan).get(0));
        a.put("registered", Rows.count(c, "SELECT COUNT(*) FROM member_commitments WHERE chain_id = ? AND plan = ?", chainId, plan));
        a.put("ratings", Rows.query(c, "SELECT score, review_hash, nullifier, block_number, block_time, tx_hash FROM anonymous_ratings "
                + "WHERE chain_id = ? AND plan = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, plan, limit, offset));
        return a;
    }

    /**
     * A plan's wind-down, as {@code windDown()} and {@code closeVotes()} hold it: closed (when, why), the
     * close votes of the latest round, the floor, and once exits are open the pool and shares not yet
     * taken (computed exactly from ExitsOpened minus every ExitShared).
     */
    private static Map<String, Object> windDown(Map<String, Object> p) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("closed", Boolean.TRUE.equals(p.get("closed")));
        w.put("closedAt", p.get("closedAt"));
        w.put("closeReason", p.get("closeReason"));
        w.put("closeRound", p.get("closeRound"));
        w.put("closeVotes", p.get("closeVotes"));
        w.put("minMembers", p.get("minMembers"));
        w.put("floorPeriods", p.get("floorPeriods"));
        w.put("belowFloorSince", p.get("belowFloorSince"));
        boolean open = Boolean.TRUE.equals(p.get("exitsOpen"));
        w.put("exitsOpen", open);
        w.put("exitMembers", p.get("exitMembers"));
        w.put("exitPool", p.get("exitPool"));
        w.put("exitPaid", open ? p.get("exitPaid") : null);
        w.put("exitPoolLeft", open ? new java.math.BigInteger(String.valueOf(p.get("exitPool")))
                .subtract(new java.math.BigInteger(p.get("exitPaid") == null ? "0" : String.valueOf(p.get("exitPaid")))).toString() : null);
        w.put("exitSharesLeft", open ? ((Number) p.get("exitMembers")).longValue() - ((Number) p.get("exitsTaken")).longValue() : null);
        return w;
    }

    Map<String, Object> claims(Connection c, String plan, String status, int limit, int offset) throws SQLException {
        StringBuilder where = new StringBuilder("chain_id = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(chainId));
        if (plan != null) {
            where.append(" AND plan = ?");
            params.add(plan);
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status);
        }
        long total = Rows.count(c, "SELECT COUNT(*) FROM claims WHERE " + where, params.toArray());
        params.add(limit);
        params.add(offset);
        List<Map<String, Object>> items = Rows.query(c, "SELECT plan, claim_id, claimant, amount, evidence_hash, status, approvals, rejections, "
                + "submitted_block, submitted_time, decided_time, paid_amount, paid_time, " + CLAIM_V3 + ", " + token("claims") + " FROM claims WHERE " + where
                + " ORDER BY submitted_block DESC, plan, claim_id DESC LIMIT ? OFFSET ?", params.toArray());
        return page(items, total, limit, offset);
    }

    Map<String, Object> payouts(Connection c, String plan, int limit, int offset) throws SQLException {
        long total = plan == null ? Rows.count(c, "SELECT COUNT(*) FROM payouts WHERE chain_id = ?", chainId)
                : Rows.count(c, "SELECT COUNT(*) FROM payouts WHERE chain_id = ? AND plan = ?", chainId, plan);
        return page(payoutRows(c, plan, limit, offset), total, limit, offset);
    }

    private List<Map<String, Object>> payoutRows(Connection c, String plan, int limit, int offset) throws SQLException {
        String sql = "SELECT plan, claim_id, recipient, amount, block_number, block_time, tx_hash, log_index, " + token("payouts") + " FROM payouts WHERE chain_id = ?"
                + (plan == null ? "" : " AND plan = ?") + " ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?";
        return plan == null ? Rows.query(c, sql, chainId, limit, offset) : Rows.query(c, sql, chainId, plan, limit, offset);
    }

    /** A member's records: each list newest first, {@code limit} rows from {@code offset} (memberships: all, in joining order). */
    Map<String, Object> memberRecords(Connection c, String member, int limit, int offset) throws SQLException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("address", member);
        r.put("limit", limit);
        r.put("offset", offset);
        List<Map<String, Object>> memberships = Rows.query(c, "SELECT members.plan, members.status, members.joined_block, members.joined_time, "
                + "members.eligible_at, members.balance, members.contributed, members.paid_through, members.shares_due, members.shares_paid, "
                + "members.exit_share, p.closed AS plan_closed, p.model, p.contribution, p.period_seconds, p.closed_at, p.token_symbol, p.token_decimals "
                + "FROM members LEFT JOIN plans p ON p.chain_id = members.chain_id AND p.address = members.plan "
                + "WHERE members.chain_id = ? AND members.member = ? ORDER BY members.joined_block LIMIT ?", chainId, member, QueryParams.MAX_LIMIT);
        Long now = indexedTime(c);
        for (Map<String, Object> m : memberships) {
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("model", m.remove("model"));
            plan.put("contribution", m.remove("contribution"));
            plan.put("periodSeconds", m.remove("periodSeconds"));
            plan.put("closed", m.get("planClosed"));
            plan.put("closedAt", m.remove("closedAt"));
            m.put("withdrawable", Withdrawable.of(m, plan, now));
        }
        r.put("memberships", memberships);
        r.put("deposits", Rows.query(c, "SELECT plan, kind, amount, balance_after, block_number, block_time, tx_hash, " + token("deposits") + " FROM deposits "
                + "WHERE chain_id = ? AND member = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, member, limit, offset));
        r.put("contributions", Rows.query(c, "SELECT plan, kind, periods, amount, claim_id, block_number, block_time, tx_hash, " + token("contributions") + " FROM contributions "
                + "WHERE chain_id = ? AND member = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, member, limit, offset));
        r.put("claims", Rows.query(c, "SELECT plan, claim_id, amount, status, approvals, rejections, submitted_time, decided_time, paid_amount, paid_time, "
                + CLAIM_V3 + ", " + token("claims")
                + " FROM claims WHERE chain_id = ? AND claimant = ? ORDER BY submitted_block DESC LIMIT ? OFFSET ?", chainId, member, limit, offset));
        r.put("payouts", Rows.query(c, "SELECT plan, claim_id, amount, block_number, block_time, tx_hash, " + token("payouts") + " FROM payouts "
                + "WHERE chain_id = ? AND recipient = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, member, limit, offset));
        r.put("votes", Rows.query(c, "SELECT plan, claim_id, role, approve, block_number, block_time, tx_hash FROM votes "
                + "WHERE chain_id = ? AND voter = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, member, limit, offset));
        r.put("challenges", Rows.query(c, "SELECT plan, claim_id, bond, outcome, block_number, block_time, tx_hash, " + token("challenges") + " FROM challenges "
                + "WHERE chain_id = ? AND challenger = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, member, limit, offset));
        r.put("ratings", Rows.query(c, "SELECT plan, score, review_hash, block_number, block_time FROM ratings "
                + "WHERE chain_id = ? AND rater = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, member, limit, offset));
        r.put("points", Rows.query(c, "SELECT source, amount, reason, block_number, block_time FROM points "
                + "WHERE chain_id = ? AND account = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, member, limit, offset));
        // points are per plan (AidPoints.pointsOf(plan, account)): never one total across plans
        r.put("pointsByPlan", Rows.query(c, "SELECT plan, accrued, claimed AS minted FROM plan_points WHERE chain_id = ? AND account = ? ORDER BY plan",
                chainId, member));
        // relief donor points: one claim per completed campaign, kept in that campaign's scope (never added up)
        r.put("donorPoints", Rows.query(c, "SELECT campaign, points, block_number, block_time, tx_hash FROM donor_points WHERE chain_id = ? AND donor = ? "
                + "ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, member, limit, offset));
        r.put("juries", Rows.query(c, "SELECT plan, claim_id, round, committed, revealed, approve, deposit_back, reward, forfeited, drawn_block, "
                + token("jurors") + " FROM jurors WHERE chain_id = ? AND juror = ? ORDER BY drawn_block DESC, plan, claim_id LIMIT ? OFFSET ?",
                chainId, member, limit, offset));
        return r;
    }

    /** The time of the last indexed block (what "now" is for dues that grow with time); null before the first range. */
    private Long indexedTime(Connection c) throws SQLException {
        List<Map<String, Object>> r = Rows.query(c, "SELECT block_time FROM sync_cursor WHERE chain_id = ? AND stream = 'index'", chainId);
        return r.isEmpty() || r.get(0).get("blockTime") == null ? null : ((Number) r.get(0).get("blockTime")).longValue();
    }

    Map<String, Object> stats(Connection c) throws SQLException {
        Map<String, Object> s = new LinkedHashMap<>(Rows.query(c, "SELECT COUNT(*) AS plans, COALESCE(SUM(members_active), 0) AS memberships_active, "
                + "COALESCE(SUM(claims_total), 0) AS claims, COALESCE(SUM(claims_paid), 0) AS claims_paid FROM plans WHERE chain_id = ?", chainId).get(0));
        // people, not memberships: someone in two plans is one active member
        s.put("membersActive", Rows.count(c, "SELECT COUNT(DISTINCT member) FROM members WHERE chain_id = ? AND status = 'active'", chainId));
        // money is summed per token only: plans in different tokens are never added up as one currency
        s.put("byToken", TokenTotals.of(c, chainId));
        s.put("events", Rows.count(c, "SELECT COUNT(*) FROM events WHERE chain_id = ?", chainId));
        s.put("sync", status(c));
        return s;
    }

    Map<String, Object> status(Connection c) throws SQLException {
        List<Map<String, Object>> rows = Rows.query(c, "SELECT head_block, target_block, indexed_block, updated_ms, last_error FROM sync_status "
                + "WHERE chain_id = ?", chainId);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("chainId", chainId);
        s.put("explorer", explorer);
        dev.huzhu.indexer.IndexerHealth.Snapshot now = live == null ? null : live.get();
        if (now != null && now.head() >= 0) { // the indexer of this process: its own account, even while the database fails
            s.put("headBlock", now.head());
            s.put("indexedBlock", now.indexed());
            s.put("lag", now.lag());
            s.put("state", now.state().label());
            s.put("lastError", now.lastError());
            s.put("failingSinceMs", now.failingSinceMs());
            s.put("updatedMs", now.updatedMs());
            return s;
        }
        if (rows.isEmpty()) {
            s.put("state", now != null && now.state() == dev.huzhu.indexer.IndexerHealth.State.STOPPED ? "stopped" : "not started");
            s.put("lastError", now == null ? null : now.lastError());
            return s;
        }
        s.putAll(rows.get(0));
        // an error may quote the node's or the database's URL: never serve its credentials (rows written before redaction too)
        s.computeIfPresent("lastError", (k, v) -> dev.huzhu.chain.Redaction.text(String.valueOf(v)));
        long head = ((Number) rows.get(0).get("headBlock")).longValue();
        long indexed = ((Number) rows.get(0).get("indexedBlock")).longValue();
        long age = System.currentTimeMillis() - ((Number) rows.get(0).get("updatedMs")).longValue();
        Object error = rows.get(0).get("lastError");
        s.put("lastError", error == null ? null : dev.huzhu.chain.Redaction.text(error.toString()));
        s.put("lag", Math.max(0, head - indexed));
        // an indexer in another process reports through the database: silence for a minute means it is not running
        s.put("state", age > STALE_MS || now != null && now.state() == dev.huzhu.indexer.IndexerHealth.State.STOPPED ? "stopped"
                : error != null ? "retrying" : head - indexed <= 0 ? "synced" : "catching up");
        return s;
    }

    private static final String CAMPAIGN_COLUMNS = "address, campaign_id, beneficiary, matching_round, token, goal, deadline, description_hash, "
            + "created_block, created_time, raised, matched, released, refunded, donors, milestones_released, cancelled, milestone_count, "
            // donor points minted in the campaign's scope (= AidPoints.totalOf(campaign)) and how many donors claimed (V15.1)
            + "points_minted, points_claims, "
            // the campaign's own token, read by the indexer after CampaignCreated (V15); NULL decimals: the page shows base units
            + "token_symbol, token_decimals";

    /**
     * Relief campaigns, newest first (figures from the index: equal to each campaign's books() view), and
     * {@code chainTime}, the time of the last indexed block: what "now" is for a campaign's deadline (FAILED).
     */
    Map<String, Object> campaigns(Connection c, int limit, int offset) throws SQLException {
        long total = Rows.count(c, "SELECT COUNT(*) FROM campaigns WHERE chain_id = ?", chainId);
        Map<String, Object> p = page(Rows.query(c, "SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns WHERE chain_id = ? ORDER BY created_block DESC, address "
                + "LIMIT ? OFFSET ?", chainId, limit, offset), total, limit, offset);
        p.put("chainTime", indexedTime(c));
        return p;
    }

    /**
     * One campaign: its books, {@code chainTime} (see campaigns), its milestone plan with each milestone's
     * release when it has one (the timeline, in order: released or pending), every release as emitted
     * ({@code releases}: a match paid after completion is released again under the last milestone) and a
     * page of its donations, newest first.
     */
    Map<String, Object> campaign(Connection c, String address, int limit, int offset) throws SQLException {
        List<Map<String, Object>> rows = Rows.query(c, "SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns WHERE chain_id = ? AND address = ?", chainId, address);
        if (rows.isEmpty()) {
            throw new NotFound("no relief campaign at " + address + " on chain " + chainId);
        }
        Map<String, Object> campaign = new LinkedHashMap<>(rows.get(0));
        campaign.put("chainTime", indexedTime(c));
        List<Map<String, Object>> releases = Rows.query(c, "SELECT milestone, amount, evidence_hash, block_number, block_time, tx_hash FROM milestone_releases "
                + "WHERE chain_id = ? AND campaign = ? ORDER BY block_number, log_index", chainId, address);
        List<Map<String, Object>> milestones = new java.util.ArrayList<>();
        for (Map<String, Object> m : Rows.query(c, "SELECT milestone, amount, description_hash FROM campaign_milestones "
                + "WHERE chain_id = ? AND campaign = ? ORDER BY milestone", chainId, address)) {
            Map<String, Object> row = new LinkedHashMap<>(m);
            Map<String, Object> release = releases.stream()
                    .filter(r -> ((Number) r.get("milestone")).longValue() == ((Number) m.get("milestone")).longValue()).findFirst().orElse(null);
            row.put("state", release == null ? "pending" : "released");
            row.put("release", release);
            milestones.add(row);
        }
        campaign.put("milestones", milestones);
        campaign.put("releases", releases);
        long total = Rows.count(c, "SELECT COUNT(*) FROM donations WHERE chain_id = ? AND campaign = ?", chainId, address);
        campaign.put("donations", page(Rows.query(c, "SELECT donor, amount, block_number, block_time, tx_hash, log_index FROM donations "
                + "WHERE chain_id = ? AND campaign = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, address, limit, offset),
                total, limit, offset));
        return campaign;
    }

    static Map<String, Object> page(List<Map<String, Object>> items, long total, int limit, int offset) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("items", items);
        p.put("total", total);
        p.put("limit", limit);
        p.put("offset", offset);
        return p;
    }
}
