-- Zero-knowledge membership (issue 12): commitments registered per plan (MemberCommitments.CommitmentRegistered)
-- and anonymous ratings (AnonymousReviews.AnonymouslyRated). Append-only, keyed like the other event tables.
CREATE TABLE member_commitments (
    chain_id      BIGINT        NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_number  BIGINT        NOT NULL,
    block_time    BIGINT        NOT NULL,
    plan          VARCHAR(42)   NOT NULL,
    member        VARCHAR(42)   NOT NULL,
    commitment    VARCHAR(66)   NOT NULL,
    leaf_index    BIGINT        NOT NULL,
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX member_commitments_by_plan ON member_commitments (chain_id, plan, leaf_index);

CREATE TABLE anonymous_ratings (
    chain_id      BIGINT        NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_number  BIGINT        NOT NULL,
    block_time    BIGINT        NOT NULL,
    plan          VARCHAR(42)   NOT NULL,
    nullifier     VARCHAR(66)   NOT NULL,
    score         INTEGER       NOT NULL,
    review_hash   VARCHAR(66),
    PRIMARY KEY (chain_id, block_number, log_index)
);
CREATE INDEX anonymous_ratings_by_plan ON anonymous_ratings (chain_id, plan, block_number, log_index);
