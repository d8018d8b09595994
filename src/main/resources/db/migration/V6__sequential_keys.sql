-- Issue 15: the append-only tables were keyed by (chain_id, block_hash, tx_hash, log_index), so every
-- insert went to a random place of the primary-key B-tree (block and transaction hashes are random):
-- the indexer's writes became random page writes once the index outgrew the page cache. A position on
-- the canonical chain is already unique: (block_number, log_index), the log index counting across the
-- block. Rows are only ever stored up to the indexer's cursor, and a reorg deletes every row above the
-- common ancestor before the new branch is stored, so this key never sees two branches at once.
-- New rows now append to the end of the key. The hashes stay as columns (the page links them).
-- Each table is rebuilt (SQLite cannot change a primary key in place); portable SQL (SQLite, PostgreSQL).

CREATE TABLE events_v6 (
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
    PRIMARY KEY (chain_id, block_number, log_index)
);
INSERT INTO events_v6 (chain_id, block_number, block_hash, tx_hash, log_index, block_time, contract, scope, name, args) SELECT chain_id, block_number, block_hash, tx_hash, log_index, block_time, contract, scope, name, args FROM events;
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
CREATE INDEX events_by_scope ON events (chain_id, scope, block_number, log_index);

CREATE TABLE deposits_v6 (
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
    PRIMARY KEY (chain_id, block_number, log_index)
);
INSERT INTO deposits_v6 (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, kind, amount, balance_after) SELECT chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, kind, amount, balance_after FROM deposits;
DROP TABLE deposits;
ALTER TABLE deposits_v6 RENAME TO deposits;
CREATE INDEX deposits_by_member ON deposits (chain_id, member, block_number, log_index);
CREATE INDEX deposits_by_plan ON deposits (chain_id, plan);

CREATE TABLE contributions_v6 (
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
    PRIMARY KEY (chain_id, block_number, log_index)
);
INSERT INTO contributions_v6 (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, kind, periods, amount, claim_id) SELECT chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, kind, periods, amount, claim_id FROM contributions;
DROP TABLE contributions;
ALTER TABLE contributions_v6 RENAME TO contributions;
CREATE INDEX contributions_by_member ON contributions (chain_id, member, block_number, log_index);
CREATE INDEX contributions_by_plan ON contributions (chain_id, plan);

CREATE TABLE votes_v6 (
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
    PRIMARY KEY (chain_id, block_number, log_index)
);
INSERT INTO votes_v6 (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, voter, role, approve) SELECT chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, voter, role, approve FROM votes;
DROP TABLE votes;
ALTER TABLE votes_v6 RENAME TO votes;
CREATE INDEX votes_by_voter ON votes (chain_id, voter, block_number, log_index);

CREATE TABLE challenges_v6 (
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
    outcome       VARCHAR(64),
    PRIMARY KEY (chain_id, block_number, log_index)
);
INSERT INTO challenges_v6 (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, challenger, bond, outcome) SELECT chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, challenger, bond, outcome FROM challenges;
DROP TABLE challenges;
ALTER TABLE challenges_v6 RENAME TO challenges;
CREATE INDEX challenges_by_challenger ON challenges (chain_id, challenger, block_number, log_index);

CREATE TABLE payouts_v6 (
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
    PRIMARY KEY (chain_id, block_number, log_index)
);
INSERT INTO payouts_v6 (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, recipient, amount) SELECT chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, claim_id, recipient, amount FROM payouts;
DROP TABLE payouts;
ALTER TABLE payouts_v6 RENAME TO payouts;
CREATE INDEX payouts_by_recipient ON payouts (chain_id, recipient, block_number, log_index);
CREATE INDEX payouts_by_plan ON payouts (chain_id, plan, block_number, log_index);

CREATE TABLE ratings_v6 (
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
    PRIMARY KEY (chain_id, block_number, log_index)
);
INSERT INTO ratings_v6 (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, rater, score, review_hash) SELECT chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, rater, score, review_hash FROM ratings;
DROP TABLE ratings;
ALTER TABLE ratings_v6 RENAME TO ratings;
CREATE INDEX ratings_by_rater ON ratings (chain_id, rater, block_number, log_index);

CREATE TABLE points_v6 (
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
    PRIMARY KEY (chain_id, block_number, log_index)
);
INSERT INTO points_v6 (chain_id, block_hash, tx_hash, log_index, block_number, block_time, source, account, amount, reason) SELECT chain_id, block_hash, tx_hash, log_index, block_number, block_time, source, account, amount, reason FROM points;
DROP TABLE points;
ALTER TABLE points_v6 RENAME TO points;
CREATE INDEX points_by_account ON points (chain_id, account, block_number, log_index);
