-- The fixed terms of group purchases, parametric plans and matching rounds that their created events do not carry
-- (issue 13): read once by eth_call after creation (indexer.ScenarioTerms, with the plans' rules), like campaigns'
-- (V15): the token's symbol() and decimals() (symbol = the token's address when symbol() reverts, decimals NULL when
-- decimals() reverts); a purchase's slot length and slots per season (terms()); a parametric plan's contribution,
-- period, waiting period, claim window, least severity and most periods. Scoped to the clone (replayed with it).
CREATE TABLE clone_terms (
    chain_id         BIGINT       NOT NULL,
    address          VARCHAR(42)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    token_symbol     VARCHAR(64),
    token_decimals   INTEGER,
    slot_length      BIGINT,
    slots_per_season INTEGER,
    contribution     TEXT,
    period_seconds   BIGINT,
    waiting_seconds  BIGINT,
    window_seconds   BIGINT,
    min_severity     INTEGER,
    max_periods      INTEGER,
    PRIMARY KEY (chain_id, address)
);
