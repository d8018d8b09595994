package dev.huzhu.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When each claim state becomes ripe, worked by hand from the table in docs/claims.md. */
class ClaimWindowsTest {
    static final long DEADLINE = 1_000;
    static final long JURY = 200;

    @Test
    void approvedAndRejectedAreFinalizedFromTheirNoticeEnd() {
        for (int status : new int[] {2, 3}) {
            assertEquals(Optional.empty(), ClaimWindows.ripe(status, DEADLINE, JURY, 999));
            assertEquals(Optional.of(ClaimWindows.Action.FINALIZE), ClaimWindows.ripe(status, DEADLINE, JURY, 1_000));
        }
    }

    @Test
    void disputedIsFinalizedOnlyAfterTheRevealPhase() {
        assertEquals(Optional.empty(), ClaimWindows.ripe(4, DEADLINE, JURY, 1_000), "commit phase over, reveal phase open");
        assertEquals(Optional.empty(), ClaimWindows.ripe(4, DEADLINE, JURY, 1_199));
        assertEquals(Optional.of(ClaimWindows.Action.FINALIZE), ClaimWindows.ripe(4, DEADLINE, JURY, 1_200));
    }

    @Test
    void undecidedIsEscalatedAfterTheAssessmentWindow() {
        assertEquals(Optional.empty(), ClaimWindows.ripe(1, DEADLINE, JURY, 999));
        assertEquals(Optional.of(ClaimWindows.Action.ESCALATE), ClaimWindows.ripe(1, DEADLINE, JURY, 1_000));
    }

    @Test
    void closedClaimsAreNeverRipe() {
        for (int status : new int[] {0, 5, 6}) {
            assertEquals(Optional.empty(), ClaimWindows.ripe(status, DEADLINE, JURY, 1_000_000));
        }
        assertEquals(true, ClaimWindows.closed(5));
        assertEquals(true, ClaimWindows.closed(6));
        assertEquals(false, ClaimWindows.closed(4));
    }
}
