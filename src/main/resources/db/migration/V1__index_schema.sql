-- Huzhu indexer schema (issue 6). One file for SQLite and PostgreSQL: portable SQL only.
-- Token amounts are NUMERIC(78,0) (uint256); addresses and hashes are lower-case 0x hex.

-- ---------------------------------------------------------------- bookkeeping
-- Where indexing stands: the last block fully written, checkpointed with the data it covers.
CREATE TABLE sync_cursor (
    chain_id      BIGINT       NOT NULL,
    stream        VARCHAR(32)  NOT NULL,
    block_number  BIGINT       NOT NULL,
    block_hash    VARCHAR(66)  NOT NULL,
    PRIMARY KEY (chain_id, stream)
);

-- Recent canonical block hashes (checkpoints and blocks with events), for reorg detection.
CREATE TABLE recent_blocks (
    chain_id      BIGINT       NOT NULL,
    block_number  BIGINT       NOT NULL,
    block_hash    VARCHAR(66)  NOT NULL,
    parent_hash   VARCHAR(66)  NOT NULL,
    PRIMARY KEY (chain_id, block_number)
);

-- What the indexer last saw of the chain: head, the block it indexes up to, lag, last error.
CREATE TABLE sync_status (
    chain_id      BIGINT       NOT NULL PRIMARY KEY,
    head_block    BIGINT       NOT NULL,
    target_block  BIGINT       NOT NULL,
    indexed_block BIGINT       NOT NULL,
    updated_ms    BIGINT       NOT NULL,
    last_error    VARCHAR(500)
);

-- Contracts followed: the factory (from the deployment file) and every plan it created.
CREATE TABLE contracts (
    chain_id      BIGINT       NOT NULL,
    address       VARCHAR(42)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    from_block    BIGINT       NOT NULL,
    PRIMARY KEY (chain_id, address)
);

-- Every decoded event, exactly once. `scope` is the plan (or points/campaign contract) the
-- event belongs to; the tables below are a projection of these rows, scope by scope.
CREATE TABLE events (
    chain_id      BIGINT       NOT NULL,
    block_number  BIGINT       NOT NULL,
    block_hash    VARCHAR(66)  NOT NULL,
    tx_hash       VARCHAR(66)  NOT NULL,
    log_index     INTEGER      NOT NULL,
    block_time    BIGINT       NOT NULL,
    contract      VARCHAR(42)  NOT NULL,
    scope         VARCHAR(42)  NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    args          TEXT         NOT NULL,
    PRIMARY KEY (chain_id, block_hash, tx_hash, log_index)
);
CREATE INDEX events_by_scope ON events (chain_id, scope, block_number, log_index);
CREATE INDEX events_by_block ON events (chain_id, block_number);

-- ---------------------------------------------------------------- projections
CREATE TABLE plans (
    chain_id        BIGINT        NOT NULL,
    address         VARCHAR(42)   NOT NULL,
    factory         VARCHAR(42),
    creator         VARCHAR(42),
    name            VARCHAR(200),
    category        VARCHAR(32),
    model           VARCHAR(32),
    asset           VARCHAR(42),
    contribution    NUMERIC(78,0),
    period_seconds  BIGINT,
    waiting_seconds BIGINT,
    max_payout      NUMERIC(78,0),
    fee_bps         INTEGER,
    quorum          INTEGER,
    assessors       TEXT,
    rules_hash      VARCHAR(66),
    created_block   BIGINT,
    created_time    BIGINT,
    reserve         NUMERIC(78,0) NOT NULL DEFAULT 0,
    fees            NUMERIC(78,0) NOT NULL DEFAULT 0,
    members_total   INTEGER       NOT NULL DEFAULT 0,
    members_active  INTEGER       NOT NULL DEFAULT 0,
    claims_total    INTEGER       NOT NULL DEFAULT 0,
    claims_approved INTEGER       NOT NULL DEFAULT 0,
    claims_rejected INTEGER       NOT NULL DEFAULT 0,
    claims_paid     INTEGER       NOT NULL DEFAULT 0,
    paid_total      NUMERIC(78,0) NOT NULL DEFAULT 0,
    pay_seconds_sum BIGINT        NOT NULL DEFAULT 0,
    rating_sum      INTEGER       NOT NULL DEFAULT 0,
    rating_count    INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, address)
);

CREATE TABLE members (
    chain_id      BIGINT        NOT NULL,
    plan          VARCHAR(42)   NOT NULL,
    member        VARCHAR(42)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    joined_block  BIGINT        NOT NULL,
    joined_time   BIGINT        NOT NULL,
    eligible_at   BIGINT,
    referrer      VARCHAR(42),
    balance       NUMERIC(78,0) NOT NULL DEFAULT 0,
    contributed   NUMERIC(78,0) NOT NULL DEFAULT 0,
    paid_through  BIGINT,
    PRIMARY KEY (chain_id, plan, member)
);
CREATE INDEX members_by_member ON members (chain_id, member);

-- Rows that are one event each carry the event's key (block hash, tx hash, log index).
CREATE TABLE deposits (
    chain_id      BIGINT        NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_number  BIGINT        NOT NULL,
    block_time    BIGINT        NOT NULL,
    plan          VARCHAR(42)   NOT NULL,
    member        VARCHAR(42)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    amount        NUMERIC(78,0) NOT NULL,
    balance_after NUMERIC(78,0),
    PRIMARY KEY (chain_id, block_hash, tx_hash, log_index)
);
CREATE INDEX deposits_by_member ON deposits (chain_id, member);
CREATE INDEX deposits_by_plan ON deposits (chain_id, plan);

CREATE TABLE contributions (
    chain_id      BIGINT        NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_number  BIGINT        NOT NULL,
    block_time    BIGINT        NOT NULL,
    plan          VARCHAR(42)   NOT NULL,
    member        VARCHAR(42)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    periods       BIGINT,
    amount        NUMERIC(78,0) NOT NULL,
    claim_id      BIGINT,
    PRIMARY KEY (chain_id, block_hash, tx_hash, log_index)
);
CREATE INDEX contributions_by_member ON contributions (chain_id, member);
CREATE INDEX contributions_by_plan ON contributions (chain_id, plan);

CREATE TABLE claims (
    chain_id        BIGINT        NOT NULL,
    plan            VARCHAR(42)   NOT NULL,
    claim_id        BIGINT        NOT NULL,
    claimant        VARCHAR(42)   NOT NULL,
    amount          NUMERIC(78,0) NOT NULL,
    evidence_hash   VARCHAR(66),
    status          VARCHAR(16)   NOT NULL,
    approvals       INTEGER       NOT NULL DEFAULT 0,
    rejections      INTEGER       NOT NULL DEFAULT 0,
    appealed        INTEGER       NOT NULL DEFAULT 0,
    submitted_block BIGINT        NOT NULL,
    submitted_time  BIGINT        NOT NULL,
    decided_time    BIGINT,
    paid_amount     NUMERIC(78,0),
    paid_time       BIGINT,
    updated_block   BIGINT        NOT NULL,
    PRIMARY KEY (chain_id, plan, claim_id)
);
CREATE INDEX claims_by_claimant ON claims (chain_id, claimant);
CREATE INDEX claims_by_status ON claims (chain_id, status);

CREATE TABLE votes (
    chain_id      BIGINT        NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_number  BIGINT        NOT NULL,
    block_time    BIGINT        NOT NULL,
    plan          VARCHAR(42)   NOT NULL,
    claim_id      BIGINT        NOT NULL,
    voter         VARCHAR(42)   NOT NULL,
    role          VARCHAR(16)   NOT NULL,
    approve       INTEGER       NOT NULL,
    PRIMARY KEY (chain_id, block_hash, tx_hash, log_index)
);
CREATE INDEX votes_by_voter ON votes (chain_id, voter);

CREATE TABLE challenges (
    chain_id      BIGINT        NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_number  BIGINT        NOT NULL,
    block_time    BIGINT        NOT NULL,
    plan          VARCHAR(42)   NOT NULL,
    claim_id      BIGINT        NOT NULL,
    challenger    VARCHAR(42)   NOT NULL,
    bond          NUMERIC(78,0),
    outcome       VARCHAR(16),
    PRIMARY KEY (chain_id, block_hash, tx_hash, log_index)
);
CREATE INDEX challenges_by_challenger ON challenges (chain_id, challenger);

CREATE TABLE payouts (
    chain_id      BIGINT        NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_number  BIGINT        NOT NULL,
    block_time    BIGINT        NOT NULL,
    plan          VARCHAR(42)   NOT NULL,
    claim_id      BIGINT        NOT NULL,
    recipient     VARCHAR(42)   NOT NULL,
    amount        NUMERIC(78,0) NOT NULL,
    PRIMARY KEY (chain_id, block_hash, tx_hash, log_index)
);
CREATE INDEX payouts_by_order ON payouts (chain_id, block_number, log_index);
CREATE INDEX payouts_by_recipient ON payouts (chain_id, recipient);

CREATE TABLE ratings (
    chain_id      BIGINT        NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_number  BIGINT        NOT NULL,
    block_time    BIGINT        NOT NULL,
    plan          VARCHAR(42)   NOT NULL,
    rater         VARCHAR(42)   NOT NULL,
    score         INTEGER       NOT NULL,
    review_hash   VARCHAR(66),
    PRIMARY KEY (chain_id, block_hash, tx_hash, log_index)
);
CREATE INDEX ratings_by_rater ON ratings (chain_id, rater);

CREATE TABLE points (
    chain_id      BIGINT        NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_number  BIGINT        NOT NULL,
    block_time    BIGINT        NOT NULL,
    source        VARCHAR(42)   NOT NULL,
    account       VARCHAR(42)   NOT NULL,
    amount        NUMERIC(78,0) NOT NULL,
    reason        VARCHAR(64),
    PRIMARY KEY (chain_id, block_hash, tx_hash, log_index)
);
CREATE INDEX points_by_account ON points (chain_id, account);

-- ---------------------------------------------------------------- watchers
-- Per sink (stdout, a webhook URL, a plan filter): the last payout delivered, in chain order.
CREATE TABLE delivery_cursor (
    chain_id      BIGINT        NOT NULL,
    sink          VARCHAR(300)  NOT NULL,
    block_number  BIGINT        NOT NULL,
    log_index     INTEGER       NOT NULL,
    PRIMARY KEY (chain_id, sink)
);
