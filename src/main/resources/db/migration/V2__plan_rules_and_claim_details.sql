-- Protocol v2 (docs/events.md): the full rules of a plan (read once with plan.rules(), they are
-- immutable), pause state, claim bonds and dispute details.
ALTER TABLE plans ADD COLUMN plan_id BIGINT;
ALTER TABLE plans ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN grace_seconds BIGINT;
ALTER TABLE plans ADD COLUMN max_payout_per_year NUMERIC(78,0);
ALTER TABLE plans ADD COLUMN share_cap NUMERIC(78,0);
ALTER TABLE plans ADD COLUMN claim_bond NUMERIC(78,0);
ALTER TABLE plans ADD COLUMN challenge_bond NUMERIC(78,0);
ALTER TABLE plans ADD COLUMN rules_json TEXT;
ALTER TABLE claims ADD COLUMN bond NUMERIC(78,0);
ALTER TABLE claims ADD COLUMN incurred_at BIGINT;
ALTER TABLE claims ADD COLUMN dispute_kind VARCHAR(16);
ALTER TABLE claims ADD COLUMN votes_for INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN votes_against INTEGER NOT NULL DEFAULT 0;
