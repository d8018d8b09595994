-- Relief campaigns (issue 13): one row per campaign (projected from ReliefCampaignFactory's
-- CampaignCreated and the campaign's own events), its donations and its released milestones
-- (append-only, keyed by chain position). Amounts are TEXT holding exact decimal strings of base
-- units (docs/indexer.md; /work/coord/migrations.md): summed in Java, never in SQL.
CREATE TABLE campaigns (
    chain_id            BIGINT       NOT NULL,
    address             VARCHAR(42)  NOT NULL,
    factory             VARCHAR(42),
    campaign_id         BIGINT,
    beneficiary         VARCHAR(42)  NOT NULL,
    matching_round      VARCHAR(42),
    token               VARCHAR(42)  NOT NULL,
    goal                TEXT         NOT NULL,
    deadline            BIGINT       NOT NULL,
    description_hash    VARCHAR(66),
    created_block       BIGINT       NOT NULL,
    created_time        BIGINT       NOT NULL,
    raised              TEXT         NOT NULL DEFAULT '0',
    matched             TEXT         NOT NULL DEFAULT '0',
    released            TEXT         NOT NULL DEFAULT '0',
    refunded            TEXT         NOT NULL DEFAULT '0',
    donors              INTEGER      NOT NULL DEFAULT 0,
    milestones_released INTEGER      NOT NULL DEFAULT 0,
    cancelled           INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, address)
);

CREATE TABLE donations (
    chain_id     BIGINT       NOT NULL,
    block_number BIGINT       NOT NULL,
    log_index    INTEGER      NOT NULL,
    block_hash   VARCHAR(66)  NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    block_time   BIGINT       NOT NULL,
    campaign     VARCHAR(42)  NOT NULL,
    donor        VARCHAR(42)  NOT NULL,
    amount       TEXT         NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX donations_by_campaign ON donations (chain_id, campaign, block_number);

CREATE TABLE milestone_releases (
    chain_id      BIGINT       NOT NULL,
    block_number  BIGINT       NOT NULL,
    log_index     INTEGER      NOT NULL,
    block_hash    VARCHAR(66)  NOT NULL,
    tx_hash       VARCHAR(66)  NOT NULL,
    block_time    BIGINT       NOT NULL,
    campaign      VARCHAR(42)  NOT NULL,
    milestone     INTEGER      NOT NULL,
    evidence_hash VARCHAR(66)  NOT NULL,
    amount        TEXT         NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX milestone_releases_by_campaign ON milestone_releases (chain_id, campaign, block_number);
