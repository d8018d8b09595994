// Property / invariant tests for PREPAID plans: half of the default 1000 sequences (see invariants.js).
require("./invariants").invariantSuite(0, 0.5);
