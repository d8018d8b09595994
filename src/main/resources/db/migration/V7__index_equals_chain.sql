-- Issue 11 (index equals chain). Amounts NUMERIC(78,0) like the other balances of these tables (TEXT on SQLite after
-- migration 10, ExactAmountsOnSqlite).
-- Bonds the plan holds (= bondsHeld()): claim bonds, challenge/appeal bonds, juror deposits not yet returned.
ALTER TABLE plans ADD COLUMN bonds_held NUMERIC(78,0) NOT NULL DEFAULT 0;
-- COST_SHARING: shares charged to the member since their last settlement (withdrawable = balance - shares_due),
-- shares taken from their balance so far (sum of SharesSettled), and the period their cover ends (the contract's
-- expiringAt filing: a payout in an earlier period charges them).
ALTER TABLE members ADD COLUMN shares_due NUMERIC(78,0) NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN shares_paid NUMERIC(78,0) NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN cover_end_period BIGINT;
-- Claims finally denied (ClaimDenied): the approval ratio is paid / (paid + denied), the final outcomes, not the
-- assessors' first decision (ClaimApproved / ClaimRejected, which a jury can overturn).
ALTER TABLE plans ADD COLUMN claims_denied INTEGER NOT NULL DEFAULT 0;
-- The time of the cursor's block: what "now" is for figures that move with time (PREPAID contributions due).
ALTER TABLE sync_cursor ADD COLUMN block_time BIGINT;
-- A cursor per followed contract (issue 11): NULL = the contract follows the index's cursor (sync_cursor); a number =
-- the last block indexed for this contract alone, below the index's cursor (a contract added to an existing index is
-- caught up from its own first block, then joins the others). from_block = the first block indexed for it.
ALTER TABLE contracts ADD COLUMN indexed_to BIGINT;
-- An index made before V7 followed its factories and directly named plans from the settings only: record them, so that
-- they are not taken for new contracts (and caught up again) by the next run.
INSERT INTO contracts (chain_id, address, kind, from_block)
    SELECT chain_id, contract, 'factory', MIN(block_number) FROM events WHERE name = 'PlanCreated' GROUP BY chain_id, contract
    ON CONFLICT (chain_id, address) DO NOTHING;
INSERT INTO contracts (chain_id, address, kind, from_block)
    SELECT chain_id, contract, 'plan', MIN(block_number) FROM events WHERE name <> 'PlanCreated' GROUP BY chain_id, contract
    ON CONFLICT (chain_id, address) DO NOTHING;
-- Reorg-safe deliveries: what each watcher sink delivered, with the block hash, so that a delivery whose event a reorg
-- removed is announced as retracted and the sink's cursor rewinds to deliver the canonical events.
CREATE TABLE deliveries (
    chain_id      BIGINT        NOT NULL,
    sink          TEXT          NOT NULL,
    block_number  BIGINT        NOT NULL,
    log_index     INTEGER       NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    retracted     INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, sink, block_number, log_index, block_hash)
);
-- The indexer's own account of itself for /api/status: synced, catching up, retrying, stopped; since when it fails.
ALTER TABLE sync_status ADD COLUMN state VARCHAR(16);
ALTER TABLE sync_status ADD COLUMN failing_since_ms BIGINT;
