-- Issue 13 (relief helper, session 3). Amounts are TEXT holding exact decimal strings of base units
-- (docs/indexer.md; /work/coord/migrations.md): summed in Java, never in SQL.

-- Each campaign's token metadata and milestone plan, read once after CampaignCreated (the terms live in
-- the clone's immutable arguments and never change): symbol() and decimals() of the token, like plans'
-- tokens (V3; token_symbol is the token's address when symbol() reverts, token_decimals NULL when
-- decimals() reverts), and milestone(i) for i < milestoneCount(). milestone_count is NULL until read.
ALTER TABLE campaigns ADD COLUMN token_symbol VARCHAR(64);
ALTER TABLE campaigns ADD COLUMN token_decimals INTEGER;
ALTER TABLE campaigns ADD COLUMN milestone_count INTEGER;

CREATE TABLE campaign_milestones (
    chain_id         BIGINT       NOT NULL,
    campaign         VARCHAR(42)  NOT NULL,
    milestone        INTEGER      NOT NULL,
    amount           TEXT         NOT NULL,
    description_hash VARCHAR(66)  NOT NULL,
    PRIMARY KEY (chain_id, campaign, milestone)
);

-- EDUCATION plans' tranche terms (TrancheEscrow.TermsSet) and each claim's schedule (InstitutionNamed,
-- TrancheReleased, ScheduleStopped, UnreleasedReturned), the same figures as TrancheEscrow.scheduleOf.
ALTER TABLE plans ADD COLUMN tranches INTEGER;
ALTER TABLE plans ADD COLUMN term_seconds BIGINT;

CREATE TABLE tranche_schedules (
    chain_id        BIGINT       NOT NULL,
    plan            VARCHAR(42)  NOT NULL,
    claim_id        BIGINT       NOT NULL,
    institution     VARCHAR(42)  NOT NULL,
    tranches        INTEGER      NOT NULL,
    term_seconds    BIGINT       NOT NULL,
    named_block     BIGINT       NOT NULL,
    started_at      BIGINT,
    released_terms  INTEGER      NOT NULL DEFAULT 0,
    released_amount TEXT         NOT NULL DEFAULT '0',
    returned_amount TEXT         NOT NULL DEFAULT '0',
    stopped         INTEGER      NOT NULL DEFAULT 0,
    stopped_by      VARCHAR(42),
    stopped_time    BIGINT,
    PRIMARY KEY (chain_id, plan, claim_id)
);

CREATE TABLE tranche_releases (
    chain_id     BIGINT       NOT NULL,
    block_number BIGINT       NOT NULL,
    log_index    INTEGER      NOT NULL,
    block_hash   VARCHAR(66)  NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    block_time   BIGINT       NOT NULL,
    plan         VARCHAR(42)  NOT NULL,
    claim_id     BIGINT       NOT NULL,
    term         INTEGER      NOT NULL,
    institution  VARCHAR(42)  NOT NULL,
    amount       TEXT         NOT NULL,
    proof_hash   VARCHAR(66)  NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX tranche_releases_by_claim ON tranche_releases (chain_id, plan, claim_id, block_number);
