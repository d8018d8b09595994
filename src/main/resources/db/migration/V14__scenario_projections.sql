-- Matching rounds, group purchases and parametric plans (issue 13), projected from their factories' created-clone
-- events (RoundCreated, PurchaseCreated, ParametricPlanCreated) and the clones' own events (docs/events.md). One row
-- per round / purchase / plan (its books: the same figures as the contract's views), per co-owner or member, per
-- booked slot and standing offer; what happened is appended, keyed by chain position. Amounts are TEXT holding exact
-- decimal strings of base units (docs/indexer.md "Exact amounts"): summed in Java, never in SQL.

-- ------------------------------------------------------------------ quadratic matching rounds (MatchingRound)
CREATE TABLE matching_rounds (
    chain_id      BIGINT       NOT NULL,
    address       VARCHAR(42)  NOT NULL,
    factory       VARCHAR(42),
    round_id      BIGINT,
    sponsor       VARCHAR(42)  NOT NULL,
    token         VARCHAR(42)  NOT NULL,
    starts_at     BIGINT       NOT NULL,
    ends_at       BIGINT       NOT NULL,
    created_block BIGINT       NOT NULL,
    created_time  BIGINT       NOT NULL,
    pool          TEXT         NOT NULL DEFAULT '0',
    paid          TEXT         NOT NULL DEFAULT '0',
    reclaimed     TEXT         NOT NULL DEFAULT '0',
    admitted      INTEGER      NOT NULL DEFAULT 0,
    matches_paid  INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, address)
);

CREATE TABLE round_fundings (
    chain_id     BIGINT       NOT NULL,
    block_number BIGINT       NOT NULL,
    log_index    INTEGER      NOT NULL,
    block_hash   VARCHAR(66)  NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    block_time   BIGINT       NOT NULL,
    round        VARCHAR(42)  NOT NULL,
    funder       VARCHAR(42)  NOT NULL,
    amount       TEXT         NOT NULL,
    pool_after   TEXT         NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX round_fundings_by_round ON round_fundings (chain_id, round, block_number);

CREATE TABLE round_admissions (
    chain_id     BIGINT       NOT NULL,
    block_number BIGINT       NOT NULL,
    log_index    INTEGER      NOT NULL,
    block_hash   VARCHAR(66)  NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    block_time   BIGINT       NOT NULL,
    round        VARCHAR(42)  NOT NULL,
    campaign     VARCHAR(42)  NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX round_admissions_by_round ON round_admissions (chain_id, round, block_number);

CREATE TABLE match_payouts (
    chain_id      BIGINT       NOT NULL,
    block_number  BIGINT       NOT NULL,
    log_index     INTEGER      NOT NULL,
    block_hash    VARCHAR(66)  NOT NULL,
    tx_hash       VARCHAR(66)  NOT NULL,
    block_time    BIGINT       NOT NULL,
    round         VARCHAR(42)  NOT NULL,
    campaign      VARCHAR(42)  NOT NULL,
    amount        TEXT         NOT NULL,
    square        TEXT         NOT NULL,
    total_squares TEXT         NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX match_payouts_by_round ON match_payouts (chain_id, round, block_number);

-- a campaign's matched Σ√c after its last donation (Donated.sumSqrt; scoped to the campaign): the round's
-- totalSquares is Σ over its admitted campaigns of sum_sqrt², and matchOf(c) = pool · sum_sqrt(c)² / totalSquares
CREATE TABLE campaign_sums (
    chain_id  BIGINT       NOT NULL,
    campaign  VARCHAR(42)  NOT NULL,
    sum_sqrt  TEXT         NOT NULL,
    PRIMARY KEY (chain_id, campaign)
);

-- ------------------------------------------------------------------ group purchases (GroupPurchase)
CREATE TABLE group_purchases (
    chain_id        BIGINT       NOT NULL,
    address         VARCHAR(42)  NOT NULL,
    factory         VARCHAR(42),
    purchase_id     BIGINT,
    seller          VARCHAR(42)  NOT NULL,
    creator         VARCHAR(42)  NOT NULL,
    token           VARCHAR(42)  NOT NULL,
    price           TEXT         NOT NULL,
    share_price     TEXT         NOT NULL,
    total_shares    INTEGER      NOT NULL,
    deadline        BIGINT       NOT NULL,
    item_hash       VARCHAR(66)  NOT NULL,
    created_block   BIGINT       NOT NULL,
    created_time    BIGINT       NOT NULL,
    pledged_shares  INTEGER      NOT NULL DEFAULT 0,
    pledged         TEXT         NOT NULL DEFAULT '0',
    funded_at       BIGINT,
    funded_block    BIGINT,
    refunded_shares INTEGER      NOT NULL DEFAULT 0,
    refunded        TEXT         NOT NULL DEFAULT '0',
    sales_total     TEXT         NOT NULL DEFAULT '0',
    withdrawn       TEXT         NOT NULL DEFAULT '0',
    PRIMARY KEY (chain_id, address)
);

-- the share ledger: each account's shares (sharesOf), credit to pull (creditOf: the seller's price, sale proceeds)
CREATE TABLE group_accounts (
    chain_id        BIGINT       NOT NULL,
    purchase        VARCHAR(42)  NOT NULL,
    account         VARCHAR(42)  NOT NULL,
    shares          INTEGER      NOT NULL DEFAULT 0,
    pledged_shares  INTEGER      NOT NULL DEFAULT 0,
    refunded        TEXT         NOT NULL DEFAULT '0',
    credit          TEXT         NOT NULL DEFAULT '0',
    withdrawn       TEXT         NOT NULL DEFAULT '0',
    PRIMARY KEY (chain_id, purchase, account)
);

CREATE TABLE group_pledges (
    chain_id       BIGINT       NOT NULL,
    block_number   BIGINT       NOT NULL,
    log_index      INTEGER      NOT NULL,
    block_hash     VARCHAR(66)  NOT NULL,
    tx_hash        VARCHAR(66)  NOT NULL,
    block_time     BIGINT       NOT NULL,
    purchase       VARCHAR(42)  NOT NULL,
    participant    VARCHAR(42)  NOT NULL,
    shares         INTEGER      NOT NULL,
    amount         TEXT         NOT NULL,
    pledged_after  INTEGER      NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX group_pledges_by_purchase ON group_pledges (chain_id, purchase, block_number);

CREATE TABLE group_share_sales (
    chain_id     BIGINT       NOT NULL,
    block_number BIGINT       NOT NULL,
    log_index    INTEGER      NOT NULL,
    block_hash   VARCHAR(66)  NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    block_time   BIGINT       NOT NULL,
    purchase     VARCHAR(42)  NOT NULL,
    seller       VARCHAR(42)  NOT NULL,
    buyer        VARCHAR(42)  NOT NULL,
    shares       INTEGER      NOT NULL,
    price        TEXT         NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX group_share_sales_by_purchase ON group_share_sales (chain_id, purchase, block_number);

-- standing offers (offerOf): removed when withdrawn (0 shares) or accepted
CREATE TABLE group_offers (
    chain_id   BIGINT       NOT NULL,
    purchase   VARCHAR(42)  NOT NULL,
    seller     VARCHAR(42)  NOT NULL,
    buyer      VARCHAR(42)  NOT NULL,
    shares     INTEGER      NOT NULL,
    price      TEXT         NOT NULL,
    offered_block BIGINT    NOT NULL,
    PRIMARY KEY (chain_id, purchase, seller, buyer)
);

-- booked usage slots (bookedBy): removed when cancelled
CREATE TABLE group_bookings (
    chain_id     BIGINT       NOT NULL,
    purchase     VARCHAR(42)  NOT NULL,
    slot         BIGINT       NOT NULL,
    owner        VARCHAR(42)  NOT NULL,
    season       BIGINT       NOT NULL,
    block_number BIGINT       NOT NULL,
    block_time   BIGINT       NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    PRIMARY KEY (chain_id, purchase, slot)
);

-- ------------------------------------------------------------------ parametric disaster plans (ParametricPlan)
CREATE TABLE parametric_plans (
    chain_id      BIGINT       NOT NULL,
    address       VARCHAR(42)  NOT NULL,
    factory       VARCHAR(42),
    plan_id       BIGINT,
    creator       VARCHAR(42)  NOT NULL,
    oracle        VARCHAR(42)  NOT NULL,
    token         VARCHAR(42)  NOT NULL,
    payout        TEXT         NOT NULL,
    created_block BIGINT       NOT NULL,
    created_time  BIGINT       NOT NULL,
    reserve       TEXT         NOT NULL DEFAULT '0',
    credited      TEXT         NOT NULL DEFAULT '0',
    contributions TEXT         NOT NULL DEFAULT '0',
    gifts         TEXT         NOT NULL DEFAULT '0',
    paid_total    TEXT         NOT NULL DEFAULT '0',
    withdrawn     TEXT         NOT NULL DEFAULT '0',
    members       INTEGER      NOT NULL DEFAULT 0,
    covers        INTEGER      NOT NULL DEFAULT 0,
    attestations  INTEGER      NOT NULL DEFAULT 0,
    claims        INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, address)
);

-- each member (memberOf): region, cover, credited payouts not yet withdrawn
CREATE TABLE parametric_members (
    chain_id      BIGINT       NOT NULL,
    plan          VARCHAR(42)  NOT NULL,
    member        VARCHAR(42)  NOT NULL,
    member_index  INTEGER      NOT NULL,
    region        BIGINT       NOT NULL,
    covered_from  BIGINT       NOT NULL,
    covered_until BIGINT       NOT NULL,
    contributed   TEXT         NOT NULL DEFAULT '0',
    credit        TEXT         NOT NULL DEFAULT '0',
    claimed       TEXT         NOT NULL DEFAULT '0',
    withdrawn     TEXT         NOT NULL DEFAULT '0',
    claims        INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, plan, member)
);

CREATE TABLE parametric_covers (
    chain_id      BIGINT       NOT NULL,
    block_number  BIGINT       NOT NULL,
    log_index     INTEGER      NOT NULL,
    block_hash    VARCHAR(66)  NOT NULL,
    tx_hash       VARCHAR(66)  NOT NULL,
    block_time    BIGINT       NOT NULL,
    plan          VARCHAR(42)  NOT NULL,
    member        VARCHAR(42)  NOT NULL,
    region        BIGINT       NOT NULL,
    periods       INTEGER      NOT NULL,
    paid          TEXT         NOT NULL,
    covered_from  BIGINT       NOT NULL,
    covered_until BIGINT       NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX parametric_covers_by_plan ON parametric_covers (chain_id, plan, block_number);

-- the oracle's attestations as posted (DisasterAttested): each opens a claim window until window_end
CREATE TABLE attestations (
    chain_id     BIGINT       NOT NULL,
    block_number BIGINT       NOT NULL,
    log_index    INTEGER      NOT NULL,
    block_hash   VARCHAR(66)  NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    block_time   BIGINT       NOT NULL,
    plan         VARCHAR(42)  NOT NULL,
    event_id     TEXT         NOT NULL,
    region       BIGINT       NOT NULL,
    severity     INTEGER      NOT NULL,
    event_time   BIGINT       NOT NULL,
    window_end   BIGINT       NOT NULL,
    poster       VARCHAR(42)  NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX attestations_by_plan ON attestations (chain_id, plan, block_number);

CREATE TABLE parametric_claims (
    chain_id     BIGINT       NOT NULL,
    block_number BIGINT       NOT NULL,
    log_index    INTEGER      NOT NULL,
    block_hash   VARCHAR(66)  NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    block_time   BIGINT       NOT NULL,
    plan         VARCHAR(42)  NOT NULL,
    event_id     TEXT         NOT NULL,
    region       BIGINT       NOT NULL,
    member       VARCHAR(42)  NOT NULL,
    amount       TEXT         NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX parametric_claims_by_plan ON parametric_claims (chain_id, plan, block_number);
