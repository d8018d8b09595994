package dev.huzhu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code huzhu} command line: parse, call, print. */
@Command(
        name = "huzhu",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Huzhu (互助): open mutual-aid pools on Ethereum.",
        subcommands = {DemoCommand.class, NodeCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  huzhu demo                 run the whole scenario on a local chain",
                "  huzhu node start --port 8545", "  huzhu node status"})
public final class HuzhuCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by main and the tests. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new HuzhuCommand())
                .setExecutionExceptionHandler(new UserErrorHandler());
    }
}
