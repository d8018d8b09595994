package dev.huzhu.keeper;

import java.util.List;

/** Where the keeper's candidate calls come from; every candidate is still checked with eth_estimateGas before it is sent. */
public interface TaskSource {
    /** The calls that look due at chain time {@code now}. */
    List<KeeperTask> tasks(long now);
}
