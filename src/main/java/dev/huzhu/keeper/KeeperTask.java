package dev.huzhu.keeper;

import java.math.BigInteger;

/**
 * One permissionless call the keeper may send: {@code data} to {@code plan}.
 *
 * @param planId the plan's id in the factory (creation order)
 * @param claimId the claim it moves on; null for a call to the whole plan (advance, payOwed, prepareExits)
 * @param action what it does
 */
public record KeeperTask(String plan, int planId, BigInteger claimId, ClaimWindows.Action action, String data) {
    /** "finalize claim #3 of plan #0 (0xAbC…)", "payOwed of plan #0 (0xAbC…)". */
    public String description() {
        return action.function() + (claimId == null ? " of" : " claim #" + claimId + " of") + " plan #" + planId + " (" + plan + ")";
    }
}
