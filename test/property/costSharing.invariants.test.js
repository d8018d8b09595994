// Property / invariant tests for COST_SHARING plans: half of the default 1000 sequences (see invariants.js).
require("./invariants").invariantSuite(1, 0.5);
