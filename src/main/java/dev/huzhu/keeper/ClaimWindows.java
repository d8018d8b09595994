package dev.huzhu.keeper;

import java.util.Optional;

/**
 * What anyone may do to a claim once one of its windows has ended (docs/claims.md): escalate a
 * claim the assessors left undecided, finalize an approved or rejected claim after its notice, or
 * a disputed one after the jury's reveal phase. A pure function of the claim's state and the
 * chain's time, so the keeper asks the node only about claims that are ripe.
 */
public final class ClaimWindows {
    /** ClaimStatus ordinals (contracts/pool/PoolTypes.sol). */
    static final int SUBMITTED = 1;
    static final int APPROVED = 2;
    static final int REJECTED = 3;
    static final int DISPUTED = 4;
    static final int PAID = 5;
    static final int DENIED = 6;

    /**
     * A permissionless call the keeper sends: to a claim (escalate, finalize, drawJury) or to a whole
     * plan (advance its cover book, pay owed claims, prepare the exits of a closed plan).
     */
    public enum Action {
        ESCALATE("escalate"), FINALIZE("finalize"), DRAW_JURY("drawJury"),
        ADVANCE("advance"), PAY_OWED("payOwed"), PREPARE_EXITS("prepareExits");

        private final String function;

        Action(String function) {
            this.function = function;
        }

        /** The plan's function that performs it. */
        public String function() {
            return function;
        }

        /** Whether it is sent for one claim (else for the whole plan). */
        public boolean perClaim() {
            return this == ESCALATE || this == FINALIZE || this == DRAW_JURY;
        }
    }

    private ClaimWindows() {}

    /**
     * The action a claim is ripe for at chain time {@code now}, or empty while a window is still
     * open or the claim is closed.
     *
     * @param status the claim's ClaimStatus ordinal
     * @param deadline the claim's deadline (assessment end, notice end, or jury commit end)
     * @param juryWindow the plan's jury window (the reveal phase follows the commit phase)
     */
    public static Optional<Action> ripe(int status, long deadline, long juryWindow, long now) {
        return switch (status) {
            case SUBMITTED -> now >= deadline ? Optional.of(Action.ESCALATE) : Optional.empty();
            case APPROVED, REJECTED -> now >= deadline ? Optional.of(Action.FINALIZE) : Optional.empty();
            case DISPUTED -> now >= deadline + juryWindow ? Optional.of(Action.FINALIZE) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * Whether a disputed claim's panel is ready to be drawn at block {@code block}: not drawn yet, the
     * block after the seed block or later, and no more than 256 blocks after it (blockhash forgets it).
     */
    public static boolean drawable(boolean drawn, long drawBlock, long block) {
        return !drawn && drawBlock > 0 && block > drawBlock && block <= drawBlock + 256;
    }

    /** Whether nothing more can happen to a claim in this state. */
    public static boolean closed(int status) {
        return status == PAID || status == DENIED;
    }
}
