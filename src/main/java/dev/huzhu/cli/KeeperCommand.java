package dev.huzhu.cli;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.chain.Durations;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.keeper.Keeper;
import dev.huzhu.keeper.KeeperLoop;
import dev.huzhu.keeper.PassReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code huzhu keeper}: moves every plan's claims on once their windows have ended. */
@Command(name = "keeper", mixinStandardHelpOptions = true,
        description = "Finalize every claim whose last window has ended (and escalate undecided ones), on every plan of the deployment. "
                + "Each call is checked with eth_estimateGas first: one that would revert is skipped, never sent.",
        footer = {"", "The keeper needs no rights: finalize and escalate are open to anyone; it pays only gas.",
                "", "Examples:", "  huzhu keeper --account keeper --once", "  huzhu keeper --network sepolia --account keeper --interval 5m"})
final class KeeperCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin AccountOptions account;
    @Mixin JsonOption json;

    @Option(names = "--once", description = "one pass, then exit (default: a pass every --interval until Ctrl-C)")
    boolean once;

    @Option(names = "--interval", defaultValue = "30s", paramLabel = "DURATION", converter = dev.huzhu.cli.options.DurationConverter.class, description = "time between passes (default: ${DEFAULT-VALUE})")
    Long interval;

    @Override
    public Integer call() throws Exception {
        long every = interval;
        if (every < 1) {
            throw new InvalidInputException("--interval must be at least 1 second, got " + Durations.format(interval));
        }
        Session session = Session.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(session, network)) {
            Deployment d = chain.deployment();
            Keeper keeper = KeeperSetup.keeper(session, chain.web3j(), chain.chainId(), d.address(Deployment.FACTORY),
                    KeeperSetup.signer(session, account, chain.chainId()));
            if (once) {
                PassReport r = keeper.runOnce();
                if (json.json) {
                    Json.print(out, KeeperSetup.json(r, keeper.address()));
                } else {
                    KeeperSetup.print(out, r);
                    out.printf("keeper %s: %d sent, %d skipped%n", keeper.address(), r.sent().size(), r.skipped().size());
                }
                return ExitCodes.OK;
            }
            out.printf("keeper %s on chain %d: a pass every %s (Ctrl-C to stop)%n", keeper.address(), chain.chainId(), Durations.format(every));
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            try (KeeperLoop loop = KeeperLoop.start(keeper, Duration.ofSeconds(every),
                    r -> {
                        if (json.json) {
                            Json.print(out, KeeperSetup.json(r, keeper.address()));
                        } else {
                            KeeperSetup.print(out, r);
                        }
                    },
                    e -> {
                        err.println("huzhu keeper: pass failed: " + dev.huzhu.chain.Redaction.text(e.getMessage()) + "; next pass in " + Durations.format(every));
                        err.flush();
                    })) {
                Runtime.getRuntime().addShutdownHook(new Thread(loop::close, "keeper-stop"));
                loop.join();
            }
            return ExitCodes.OK;
        }
    }
}
