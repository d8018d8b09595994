package dev.huzhu.cli;

import dev.huzhu.devnet.LocalNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code huzhu node start|stop|status}: the project's local Hardhat node. */
@Command(name = "node", description = "Start, stop or inspect the local Hardhat node (127.0.0.1).",
        mixinStandardHelpOptions = true,
        subcommands = {NodeCommand.Start.class, NodeCommand.Stop.class, NodeCommand.Status.class},
        footer = {"", "Examples:", "  huzhu node start --port 8545", "  huzhu node status", "  huzhu node stop"})
final class NodeCommand {

    static LocalNode localNode(CommandSpec spec) {
        return new LocalNode(Session.of(spec).projectDir());
    }

    @Command(name = "start", description = "Start a node in the background (pid and log under .huzhu/).",
            mixinStandardHelpOptions = true, footer = {"", "Examples:", "  huzhu node start", "  huzhu node start --port 8546"})
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--port", defaultValue = "8545", description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
        int port;

        @Override
        public Integer call() {
            LocalNode.Status s = localNode(spec).start(port);
            spec.commandLine().getOut().printf("node started: pid %d, %s, chain id %s, log %s%n",
                    s.pid(), s.rpcUrl(), s.chainId().isPresent() ? s.chainId().getAsLong() : "?", localNode(spec).logFile());
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", description = "Stop the background node.", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  huzhu node stop"})
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Optional<LocalNode.Status> stopped = localNode(spec).stop();
            if (stopped.isEmpty()) {
                spec.commandLine().getOut().println("no local node is recorded; nothing to stop");
            } else if (stopped.get().running()) {
                spec.commandLine().getOut().printf("node stopped (pid %d)%n", stopped.get().pid());
            } else {
                spec.commandLine().getOut().printf("removed stale pid file (pid %d was not running)%n", stopped.get().pid());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Tell whether the background node runs. Exit 0 if it does, 3 if not.",
            mixinStandardHelpOptions = true, footer = {"", "Examples:", "  huzhu node status", "  huzhu node status && huzhu pool list"})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Optional<LocalNode.Status> s = localNode(spec).status();
            if (s.isEmpty()) {
                spec.commandLine().getOut().println("not running");
                return ExitCodes.NETWORK;
            }
            LocalNode.Status st = s.get();
            if (!st.running()) {
                spec.commandLine().getOut().printf("not running (stale pid file: pid %d is gone; `huzhu node stop` clears it)%n", st.pid());
                return ExitCodes.NETWORK;
            }
            spec.commandLine().getOut().printf("running: pid %d, %s, chain id %s%n", st.pid(), st.rpcUrl(),
                    st.chainId().isPresent() ? st.chainId().getAsLong() : "not answering");
            return ExitCodes.OK;
        }
    }
}
