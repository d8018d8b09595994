package dev.huzhu.keeper;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** When the keeper considers a plan-wide job due (each is still checked with eth_estimateGas before sending). */
class PlanJobsTest {
    private static final BigInteger CAP = BigInteger.valueOf(50);

    private static PlanJobs.PlanState state(boolean costSharing, long current, long last, long shared, long active, long reserve,
                                            long head, long tail, boolean closed, boolean exitsOpen) {
        return new PlanJobs.PlanState(costSharing, current, last, BigInteger.valueOf(shared), CAP, active, BigInteger.valueOf(reserve),
                head, tail, closed, exitsOpen);
    }

    @Test
    void advancesACostSharingBookOnlyWhenAPayoutCouldNotRollItItself() {
        assertFalse(state(true, 10, 6, 0, 3, 0, 0, 0, false, false).advanceDue(), "4 behind: a payout rolls it");
        assertTrue(state(true, 10, 5, 0, 3, 0, 0, 0, false, false).advanceDue(), "5 behind");
        assertFalse(state(false, 10, 0, 0, 3, 0, 0, 0, false, false).advanceDue(), "PREPAID has no cover book");
        assertFalse(state(true, 10, 5, 0, 3, 0, 0, 0, true, true).advanceDue(), "exits open: nothing to share any more");
    }

    @Test
    void paysOwedOnlyWhenTheQueueHeadCanBePaid() {
        assertFalse(state(false, 3, 0, 0, 3, 100, 2, 2, false, false).payOwedDue(), "empty queue");
        assertTrue(state(false, 3, 0, 0, 3, 1, 0, 1, false, false).payOwedDue(), "the reserve holds something");
        assertFalse(state(false, 3, 0, 0, 3, 0, 0, 1, false, false).payOwedDue(), "PREPAID, empty reserve");
        assertTrue(state(true, 3, 3, 10, 3, 0, 0, 1, false, false).payOwedDue(), "share room left this period");
        assertFalse(state(true, 3, 3, 50, 3, 0, 0, 1, false, false).payOwedDue(), "share cap used up this period");
        assertTrue(state(true, 4, 3, 50, 3, 0, 0, 1, false, false).payOwedDue(), "a new period brings new room (the payout rolls it)");
        assertFalse(state(true, 9, 3, 0, 3, 0, 0, 1, false, false).payOwedDue(), "book too far behind: advance first");
        assertFalse(state(true, 3, 3, 0, 0, 0, 0, 1, false, false).payOwedDue(), "nobody covered");
        assertFalse(state(true, 3, 3, 0, 3, 0, 0, 1, true, true).payOwedDue(), "exits open: no shares are charged");
    }

    @Test
    void preparesExitsOfAClosedPlanUntilTheyAreOpen() {
        assertTrue(state(false, 3, 0, 0, 3, 0, 0, 0, true, false).prepareExitsDue());
        assertFalse(state(false, 3, 0, 0, 3, 0, 0, 0, true, true).prepareExitsDue());
        assertFalse(state(false, 3, 0, 0, 3, 0, 0, 0, false, false).prepareExitsDue());
    }

    @Test
    void drawsAJuryFromTheBlockAfterItsSeedForTwoHundredFiftySixBlocks() {
        assertFalse(ClaimWindows.drawable(false, 100, 100), "not in the seed block itself");
        assertTrue(ClaimWindows.drawable(false, 100, 101));
        assertTrue(ClaimWindows.drawable(false, 100, 356));
        assertFalse(ClaimWindows.drawable(false, 100, 357), "blockhash forgot the seed block");
        assertFalse(ClaimWindows.drawable(true, 100, 101), "already drawn");
    }
}
