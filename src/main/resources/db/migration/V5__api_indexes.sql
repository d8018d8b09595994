-- Indexes the API's queries ask for (scripts/bench-api on 50k and 500k events): every list of the
-- API reads the newest rows of one member, one plan or the whole chain in order, so each index ends
-- with that order and a LIMIT stops after one page instead of sorting everything the member or plan has.
-- Portable SQL (SQLite and PostgreSQL). The (chain_id, member)-style indexes of V1 become prefixes of these.

DROP INDEX deposits_by_member;
CREATE INDEX deposits_by_member ON deposits (chain_id, member, block_number, log_index);
DROP INDEX contributions_by_member;
CREATE INDEX contributions_by_member ON contributions (chain_id, member, block_number, log_index);
DROP INDEX points_by_account;
CREATE INDEX points_by_account ON points (chain_id, account, block_number, log_index);
DROP INDEX payouts_by_recipient;
CREATE INDEX payouts_by_recipient ON payouts (chain_id, recipient, block_number, log_index);
DROP INDEX votes_by_voter;
CREATE INDEX votes_by_voter ON votes (chain_id, voter, block_number, log_index);
DROP INDEX challenges_by_challenger;
CREATE INDEX challenges_by_challenger ON challenges (chain_id, challenger, block_number, log_index);
DROP INDEX ratings_by_rater;
CREATE INDEX ratings_by_rater ON ratings (chain_id, rater, block_number, log_index);
DROP INDEX claims_by_claimant;
CREATE INDEX claims_by_claimant ON claims (chain_id, claimant, submitted_block);
DROP INDEX members_by_member;
CREATE INDEX members_by_member ON members (chain_id, member, joined_block);

-- a plan's page: its members in joining order, its payouts newest first
CREATE INDEX members_by_plan ON members (chain_id, plan, joined_block, member);
CREATE INDEX payouts_by_plan ON payouts (chain_id, plan, block_number, log_index);
-- the claims list, newest first
CREATE INDEX claims_by_submission ON claims (chain_id, submitted_block);
