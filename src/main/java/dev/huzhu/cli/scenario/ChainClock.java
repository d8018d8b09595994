package dev.huzhu.cli.scenario;

import dev.huzhu.chain.NetworkException;
import dev.huzhu.cli.ChainContext;
import java.io.IOException;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** The chain's own clock: deadlines given as durations count from the latest block's time. */
public final class ChainClock {
    private ChainClock() {}

    public static long now(ChainContext chain) {
        try {
            return chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValueExact();
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }
}
