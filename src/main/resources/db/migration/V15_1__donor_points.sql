-- Relief donor points (issue 13, relief helper): each campaign's DonorPointsClaimed events (one per donor, after the
-- campaign completed; AidPoints mints them in the campaign's scope). points_minted = AidPoints.totalOf(campaign);
-- amounts as exact decimal TEXT (docs/indexer.md), summed in Java. Numbered 15.1 (after V15, before the scale
-- helper's V16); IndexDatabase runs Flyway outOfOrder, so either landing order works.
ALTER TABLE campaigns ADD COLUMN points_minted TEXT NOT NULL DEFAULT '0';
ALTER TABLE campaigns ADD COLUMN points_claims INTEGER NOT NULL DEFAULT 0;

CREATE TABLE donor_points (
    chain_id     BIGINT       NOT NULL,
    block_number BIGINT       NOT NULL,
    log_index    INTEGER      NOT NULL,
    block_hash   VARCHAR(66)  NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    block_time   BIGINT       NOT NULL,
    campaign     VARCHAR(42)  NOT NULL,
    donor        VARCHAR(42)  NOT NULL,
    points       TEXT         NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX donor_points_by_donor ON donor_points (chain_id, donor, block_number);
