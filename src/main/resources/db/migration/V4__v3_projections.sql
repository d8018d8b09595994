-- Protocol v3 (issue 9): what a claim has been paid and still owes, its jury, a plan's wind-down and
-- points per plan. One file for SQLite and PostgreSQL.
--
-- Every amount column added here is TEXT holding an exact decimal string of base units, on both
-- databases: SQLite's NUMERIC affinity turns integers >= 2^63 into REAL (about 9.2 tokens at 18
-- decimals), so the projector does this arithmetic in Java (BigInteger) and writes the result.

-- claims: paid and owed (ClaimPaid instalments, ClaimOwed), the jury of a dispute
ALTER TABLE claims ADD COLUMN paid TEXT;                 -- credited to the claimant so far (sum of ClaimPaid.amount)
ALTER TABLE claims ADD COLUMN owed TEXT;                 -- approved and not yet paid (ClaimOwed, minus later ClaimPaid)
ALTER TABLE claims ADD COLUMN owed_time BIGINT;          -- when it became owed (NULL: never)
ALTER TABLE claims ADD COLUMN jury_round INTEGER;        -- 1, or 2 after a redraw
ALTER TABLE claims ADD COLUMN jury_draw_block BIGINT;    -- the seed block of the current round (JuryDrawScheduled)
ALTER TABLE claims ADD COLUMN jury_seats INTEGER;        -- jurors drawn in the current round (JuryDrawn); NULL: not drawn yet
ALTER TABLE claims ADD COLUMN jury_commit_ends BIGINT;
ALTER TABLE claims ADD COLUMN jury_reveal_ends BIGINT;
ALTER TABLE claims ADD COLUMN jury_commits INTEGER NOT NULL DEFAULT 0;  -- commits in the current round
ALTER TABLE claims ADD COLUMN jury_reveals INTEGER NOT NULL DEFAULT 0;  -- reveals in the current round
ALTER TABLE claims ADD COLUMN jury_outcome VARCHAR(32);  -- verdict-approved, verdict-denied, fell-back-approved, fell-back-denied
ALTER TABLE claims ADD COLUMN jury_fallback VARCHAR(16); -- why the assessors' decision stood: no-verdict, not-drawn

-- one row per juror seat of a round
CREATE TABLE jurors (
    chain_id      BIGINT       NOT NULL,
    plan          VARCHAR(42)  NOT NULL,
    claim_id      BIGINT       NOT NULL,
    round         INTEGER      NOT NULL,
    juror         VARCHAR(42)  NOT NULL,
    drawn_block   BIGINT       NOT NULL,
    committed     INTEGER      NOT NULL DEFAULT 0,
    revealed      INTEGER      NOT NULL DEFAULT 0,
    approve       INTEGER,
    deposit_back  TEXT,        -- JurorRewarded.deposit
    reward        TEXT,        -- JurorRewarded.reward (share of the losing bond)
    forfeited     TEXT,        -- JurorDepositForfeited.amount
    PRIMARY KEY (chain_id, plan, claim_id, round, juror)
);
CREATE INDEX jurors_by_juror ON jurors (chain_id, juror, drawn_block);

-- plans: the jury's size (rules), the owed queue, wind-down
ALTER TABLE plans ADD COLUMN jury_panel INTEGER;         -- rules.panelSize (0 in the rules = 5); quorum = panel / 2 + 1
ALTER TABLE plans ADD COLUMN min_members INTEGER;        -- rules.minMembers (0 = never closes for lack of members)
ALTER TABLE plans ADD COLUMN floor_periods INTEGER;      -- rules.floorPeriods
ALTER TABLE plans ADD COLUMN owed_total TEXT;            -- sum of what claims still owe
ALTER TABLE plans ADD COLUMN owed_claims INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN close_round BIGINT;         -- CloseVoted.round of the latest vote
ALTER TABLE plans ADD COLUMN close_votes INTEGER NOT NULL DEFAULT 0;  -- votes in that round
ALTER TABLE plans ADD COLUMN below_floor_since BIGINT;   -- BelowFloorNoted.sincePeriod
ALTER TABLE plans ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN closed_at BIGINT;
ALTER TABLE plans ADD COLUMN close_reason VARCHAR(16);   -- MEMBERS_VOTE, BELOW_FLOOR, CREATOR
ALTER TABLE plans ADD COLUMN exits_open INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN exit_members INTEGER;       -- ExitsOpened.members
ALTER TABLE plans ADD COLUMN exit_pool TEXT;             -- ExitsOpened.pool (the reserve shared out)
ALTER TABLE plans ADD COLUMN exit_paid TEXT;             -- sum of ExitShared.reserveShare so far
ALTER TABLE plans ADD COLUMN exits_taken INTEGER NOT NULL DEFAULT 0;

-- members: the reserve share a member took when leaving a closed plan (ExitShared)
ALTER TABLE members ADD COLUMN exit_share TEXT;

-- points per plan: accrued (PointsAccrued) and minted (PointsClaimed). Points of different plans are
-- never added up: each plan's points are its own (AidPoints.pointsOf(plan, account)).
CREATE TABLE plan_points (
    chain_id      BIGINT       NOT NULL,
    plan          VARCHAR(42)  NOT NULL,
    account       VARCHAR(42)  NOT NULL,
    accrued       TEXT         NOT NULL,
    claimed       TEXT         NOT NULL,
    PRIMARY KEY (chain_id, plan, account)
);
CREATE INDEX plan_points_by_account ON plan_points (chain_id, account, plan);

-- challenges.outcome holds "ESCALATED: approved" (19 characters) since disputes resolve; V1 made it
-- VARCHAR(16), which PostgreSQL refuses (SQLite ignores lengths). Widened portably (SQLite >= 3.35).
ALTER TABLE challenges ADD COLUMN outcome_text VARCHAR(64);
UPDATE challenges SET outcome_text = outcome;
ALTER TABLE challenges DROP COLUMN outcome;
ALTER TABLE challenges RENAME COLUMN outcome_text TO outcome;
