package dev.huzhu.keeper;

import dev.huzhu.chain.PlanDirectory;
import java.util.ArrayList;
import java.util.List;

/** Where the keeper's candidate calls come from; every candidate is still checked with eth_estimateGas before it is sent. */
public interface TaskSource {
    /** The calls that look due at chain time {@code now}. */
    List<KeeperTask> tasks(long now);

    /**
     * Every job of the keeper on every plan of a factory: plan-wide jobs first (advance the cover
     * book, pay owed claims, prepare exits), then the claims' (draw juries, escalate, finalize).
     */
    static TaskSource everything(PlanDirectory directory) {
        TaskSource plans = new PlanJobs(directory);
        TaskSource claims = new RipeClaims(directory);
        return now -> {
            List<KeeperTask> all = new ArrayList<>(plans.tasks(now));
            all.addAll(claims.tasks(now));
            return all;
        };
    }
}
