package dev.huzhu.cli.resident;

import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code huzhu resident status|stop}: the warm JVM that answers read-only commands (docs/cli.md "The resident reader"). */
@Command(name = "resident", mixinStandardHelpOptions = true,
        description = "Inspect or stop the resident reader: the warm JVM that answers read-only commands (list, show, status).",
        subcommands = {ResidentCommand.Status.class, ResidentCommand.Stop.class},
        footer = {"", "The launcher starts it after two read-only commands within ten minutes; it exits after 15 idle minutes.",
                "HUZHU_RESIDENT=off runs every command in a JVM of its own.", "",
                "Examples:", "  huzhu resident status", "  huzhu resident stop"})
public final class ResidentCommand {
    static Path dir(CommandSpec spec) {
        return ResidentEndpoint.dir(Session.of(spec).userDir());
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Tell whether the resident reader runs. Exit 0 if it does, 3 if not.",
            footer = {"", "Examples:", "  huzhu resident status"})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Optional<String> answer = ResidentClient.ask(dir(spec), "status", new String[0], Map.of());
            if (answer.isEmpty() || !answer.get().startsWith("status ")) {
                spec.commandLine().getOut().println("not running");
                return ExitCodes.NETWORK;
            }
            String[] f = answer.get().split(" ");
            spec.commandLine().getOut().printf("running: pid %s, 127.0.0.1:%s, %s requests answered%n", f[1], f[2], f[3]);
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the resident reader.",
            footer = {"", "Examples:", "  huzhu resident stop"})
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Optional<String> answer = ResidentClient.ask(dir(spec), "stop", new String[0], Map.of());
            spec.commandLine().getOut().println(answer.filter("stopping"::equals).isPresent() ? "resident reader stopped" : "not running; nothing to stop");
            return ExitCodes.OK;
        }
    }
}
