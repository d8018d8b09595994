package dev.huzhu.cli;

import dev.huzhu.cli.deploy.DeployCommand;
import dev.huzhu.cli.token.FaucetCommand;
import dev.huzhu.cli.pool.PoolCommand;
import dev.huzhu.cli.member.MemberCommand;
import dev.huzhu.cli.claim.ClaimCommand;
import dev.huzhu.cli.pool.RateCommand;
import dev.huzhu.cli.points.PointsCommand;
import dev.huzhu.cli.records.RecordsCommand;
import dev.huzhu.cli.wallet.WalletCommand;
import dev.huzhu.cli.logging.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code huzhu} command line: parse, call, print. */
@Command(
        name = "huzhu",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Huzhu (互助): open mutual-aid pools on Ethereum.",
        // subcommands: see SUBCOMMANDS below (registered lazily: a command builds only its own branch)
        footer = {"", "Exit codes: 0 ok, 1 bug, 2 usage, 3 network, 4 reverted, 5 wallet, 6 not found,",
                "7 declined, 8 timeout, 9 sent but outcome unknown, 130 interrupted (docs/cli.md).",
                "", "Examples:", "  huzhu demo                 run the whole scenario on a local chain",
                "  huzhu wallet new alice", "  huzhu node start --port 8545", "  huzhu node status"})
public final class HuzhuCommand implements Runnable {
    /**
     * Every top-level command, in help order. Add new commands here. {@code main} registers only
     * the one being run (a lean start-up: picocli then reflects over one branch, not all of them);
     * help, completion and the tests register them all.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            // member and operator commands (issue 5)
            WalletCommand.class, DeployCommand.class, PoolCommand.class, MemberCommand.class, ClaimCommand.class,
            RateCommand.class, PointsCommand.class, RecordsCommand.class, FaucetCommand.class,
            dev.huzhu.cli.token.ApproveCommand.class,
            // indexer and web (issue 6)
            IndexCommand.class, WatchCommand.class, ServeCommand.class,
            // protocol v3 (issue 9)
            KeeperCommand.class,
            // parametric disaster plans (issue 13)
            dev.huzhu.cli.oracle.OracleCommand.class,
            dev.huzhu.cli.tranche.TrancheCommand.class,
            dev.huzhu.cli.kyc.KycCommand.class,
            dev.huzhu.cli.relief.ReliefCommand.class,
            dev.huzhu.cli.group.GroupCommand.class,
            dev.huzhu.cli.parametric.ParametricCommand.class,
            // what became of a sent transaction (issue 11: exit 9)
            dev.huzhu.cli.tx.TxCommand.class,
            // local chain and demo
            DemoCommand.class, NodeCommand.class, dev.huzhu.cli.resident.ResidentCommand.class, dev.huzhu.cli.dev.DevCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class);

    /** Commands whose log lines also go to stderr (docs/cli.md "Logs"); the others log to the file only. */
    static final java.util.Set<String> LONG_RUNNING = java.util.Set.of("serve", "index", "watch", "keeper");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read before parsing (ChineseOutput.option, LanguageStrategy); declared so that every command accepts it and lists it. */
    @CommandLine.Option(names = "--lang", paramLabel = "en|zh", scope = CommandLine.ScopeType.INHERIT,
            description = "language of the output: en or zh (default: $HUZHU_LANG, else LC_ALL/LC_MESSAGES/LANG)")
    String lang;

    private final Session session;

    public HuzhuCommand(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // lean path: no command tree, no reflection over every subcommand
            System.out.println(new VersionProvider().getVersion()[0]);
            System.exit(ExitCodes.OK);
        }
        if (System.getProperty(StartupTraining.PROPERTY) != null) {
            StartupTraining.run(); // the launcher's class-data archive training run (docs/cli.md "Start-up time")
            System.exit(ExitCodes.OK);
        }
        if (System.getProperty(dev.huzhu.cli.resident.ResidentServer.PROPERTY) != null) {
            try { // the launcher's resident reader (docs/cli.md "The resident reader")
                dev.huzhu.cli.resident.ResidentServer.serve(Session.system().userDir(), System.getenv());
            } catch (java.io.IOException e) {
                System.err.println("huzhu: the resident reader could not start: " + e.getMessage());
                System.exit(ExitCodes.SOFTWARE);
            }
            System.exit(ExitCodes.OK);
        }
        if (args.length > 0 && LONG_RUNNING.contains(args[0])) {
            LogSetup.toStderr(); // before anything logs: the servers' logs also go to stderr
        }
        CommandLine cl = newCommandLine(Session.system(), args);
        if (chinese(args, System.getenv())) {
            // Chinese needs UTF-8 whatever the platform's default (Java 17 follows the locale: LANG=C would print '?')
            cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
            cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        }
        System.exit(cl.execute(args));
    }

    /** Whether this run speaks Chinese ({@code --lang}, else the environment); a bad --lang is reported later, by the parser. */
    public static boolean chinese(String[] args, java.util.Map<String, String> env) {
        try {
            return dev.huzhu.cli.i18n.Language.resolve(dev.huzhu.cli.i18n.ChineseOutput.option(args), env) == dev.huzhu.cli.i18n.Language.ZH;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The configured command line of this process, shared by main and the subprocess-free tests. */
    public static CommandLine newCommandLine() {
        return newCommandLine(Session.system());
    }

    /** A command line with its own environment, input and project directory (for tests). */
    public static CommandLine newCommandLine(Session session) {
        return newCommandLine(session, null);
    }

    /** As {@link #newCommandLine(Session)}, registering only the subcommand {@code args} names when it is a known one. */
    public static CommandLine newCommandLine(Session session, String[] args) {
        CommandLine cl = new CommandLine(new HuzhuCommand(session))
                .setExecutionExceptionHandler(new UserErrorHandler())
                .setParameterExceptionHandler(new UsageErrorHandler(session))
                .setExecutionStrategy(new LanguageStrategy(session, new CommandLine.RunLast()));
        String first = args == null || args.length == 0 ? null : args[0];
        Class<?> only = null;
        for (Class<?> c : SUBCOMMANDS) {
            Command a = c.getAnnotation(Command.class);
            if (a != null && a.name().equals(first) && !"help".equals(first) && !"completion".equals(first)) {
                only = c;
            }
        }
        for (Class<?> c : only != null ? java.util.List.<Class<?>>of(only) : SUBCOMMANDS) {
            Command a = c.getAnnotation(Command.class);
            if (a == null || !cl.getSubcommands().containsKey(a.name())) { // also listed in the annotation: registered already
                cl.addSubcommand(new CommandLine(c, CommandLine.defaultFactory()));
            }
        }
        VerbatimFooter.install(cl);
        return cl;
    }
}
