package dev.huzhu.indexer;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.demo.DemoScenario;
import dev.huzhu.devnet.HardhatNode;
import java.io.OutputStream;
import java.io.PrintStream;

/** The demo scenario, run once per test JVM on the shared node, for the indexer and page tests. */
public final class DemoChain {
    /** The scenario's outcome and who played which part. */
    public record Run(DemoScenario.Outcome outcome, DemoScenario.Cast cast, long chainId) {}

    private static Run run;

    private DemoChain() {}

    public static synchronized Run on(HardhatNode node) throws Exception {
        if (run == null) {
            try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
                DemoScenario.Cast cast = DemoScenario.Cast.of(DevAccounts.first(10));
                DemoScenario.Outcome outcome = new DemoScenario(chain, cast, new PrintStream(OutputStream.nullOutputStream())).run();
                run = new Run(outcome, cast, chain.chainId());
            }
        }
        return run;
    }
}
