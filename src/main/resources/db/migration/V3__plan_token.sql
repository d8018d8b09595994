-- Issue 9 (any decimals): each plan's token symbol and decimals, read once with symbol() and
-- decimals(). token_symbol is the token's address when symbol() reverts; token_decimals is NULL
-- when decimals() reverts (amounts are then shown in base units). Never assumed to be 6.
ALTER TABLE plans ADD COLUMN token_symbol VARCHAR(64);
ALTER TABLE plans ADD COLUMN token_decimals INTEGER;
