package dev.huzhu.cli;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.demo.BalancesTable;
import dev.huzhu.demo.DemoScenario;
import dev.huzhu.demo.DemoStories;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.JsonRpcProbe;
import dev.huzhu.devnet.LocalNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code huzhu demo}: the whole scenario on a local chain, started here unless one already runs. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the demo scenario: deploy, 5 members join and deposit, a medical claim is approved and paid.",
        footer = {"", "Uses the node from `huzhu node start` when it runs; otherwise starts its own and stops it at the end.",
                "--scenario relief: two relief campaigns in a quadratic-matching round, milestones released, a cancel and refunds.",
                "--scenario education: tuition paid to the school in 3 tranches, one per term, after proofs of enrolment; the student stops.",
                "--scenario group: a tractor bought in 12 shares, usage days booked, a share sold. --scenario all: the four stories.",
                "", "Examples:", "  huzhu demo", "  huzhu demo --scenario relief --exit", "  huzhu demo --scenario all",
                "  huzhu demo --rpc-url http://127.0.0.1:8545"})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The one network mixin: the demo runs on `local` only; --rpc-url names a running Hardhat node to use instead of starting one. */
    @picocli.CommandLine.Mixin
    dev.huzhu.cli.options.NetworkOptions network;

    @Option(names = "--exit", description = "stop after the scenario instead of serving the transparency page (default when stdin is not a terminal)")
    boolean exit;

    @Option(names = "--scenario", defaultValue = "medical", paramLabel = "STORY",
            description = "medical (default), relief, education, group or all")
    String scenario;

    @Option(names = "--port", defaultValue = "8080", description = "port of the transparency page (default: ${DEFAULT-VALUE}; a free one if taken)")
    int port;

    @Override
    public Integer call() throws Exception {
        DemoStories stories = DemoStories.parse(scenario);
        Session session = Session.of(spec);
        Path home = session.projectDir();
        PrintStream out = session.stdout();
        HardhatNode ownNode = null;
        String url = network.explicitRpcUrl(session);
        if (url == null) {
            Optional<LocalNode.Status> running = new LocalNode(home).status().filter(LocalNode.Status::running);
            if (running.isPresent()) {
                url = running.get().rpcUrl();
                out.println("using the running local node at " + url);
            } else {
                ownNode = HardhatNode.startAttached(home, 0, home.resolve(".huzhu/demo-node.log"));
                url = ownNode.rpcUrl();
                out.println("started a local Hardhat node at " + url + " (pid " + ownNode.pid() + ")");
            }
        } else if (JsonRpcProbe.chainId(url).orElse(-1) != HardhatNode.CHAIN_ID) {
            throw new InvalidInputException("--rpc-url " + url + " is not a local Hardhat node (chain id 31337)");
        }
        try (ChainConnection chain = ChainConnection.open(url)) {
            DemoScenario.Cast cast = DemoScenario.Cast.of(DevAccounts.first(10));
            if (!stories.medical()) {
                stories.runOthers(chain, cast, out, null);
                return ExitCodes.OK;
            }
            DemoScenario scenario = new DemoScenario(chain, cast, out, home.resolve(".huzhu/demo/store"));
            DemoScenario.Outcome outcome = scenario.run();
            BalancesTable.print(chain, cast, outcome, out);
            out.printf("%ndone: claim #%s paid; %,d gas in all%n", outcome.claimId(), scenario.log().totalGas());
            stories.runOthers(chain, cast, out, outcome.tokenAddress(), outcome.factoryAddress());
            DemoSite.show(out, home, url, chain.chainId(), outcome.factoryAddress(), exit || session.console() == null, port);
            return ExitCodes.OK;
        } finally {
            if (ownNode != null) {
                ownNode.close();
                out.println("stopped the local node");
            }
        }
    }
}
