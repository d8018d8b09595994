package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help carries examples, and the lean start-up registers the same commands as the full tree. */
class HelpTest {
    @Test
    void everyCommandHasExamples() {
        List<String> missing = new ArrayList<>();
        walk(HuzhuCommand.newCommandLine(), missing);
        assertEquals(List.of(), missing, "commands whose --help has no Examples section");
    }

    private static void walk(CommandLine cl, List<String> missing) {
        String name = cl.getCommandSpec().qualifiedName();
        if (!name.endsWith(" help") && !cl.getUsageMessage().contains("Examples:")) {
            missing.add(name);
        }
        cl.getSubcommands().values().forEach(sub -> walk(sub, missing));
    }

    @Test
    void leanStartRegistersOnlyTheCommandRun() {
        CommandLine lean = HuzhuCommand.newCommandLine(Session.system(), new String[] {"pool", "list"});
        assertEquals(List.of("pool"), List.copyOf(lean.getSubcommands().keySet()));
        CommandLine full = HuzhuCommand.newCommandLine(Session.system(), new String[] {"--help"});
        assertTrue(full.getSubcommands().keySet().containsAll(List.of("wallet", "deploy", "pool", "member", "claim", "rate", "points",
                "records", "faucet", "completion", "demo", "node")), full.getSubcommands().keySet().toString());
    }

    /** Examples are printed as written (a wrapped one breaks mid-command and cannot be pasted). */
    @Test
    void examplesAreNeverWrapped() {
        List<String> wrapped = new ArrayList<>();
        walkFooters(HuzhuCommand.newCommandLine(), wrapped);
        assertEquals(List.of(), wrapped);
    }

    private static void walkFooters(CommandLine cl, List<String> wrapped) {
        String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (String line : cl.getCommandSpec().usageMessage().footer()) {
            if (!usage.contains(String.format(line))) {
                wrapped.add(cl.getCommandSpec().qualifiedName() + ": " + line);
            }
        }
        cl.getSubcommands().values().forEach(sub -> walkFooters(sub, wrapped));
    }

    @Test
    void mistypedCommandsAndOptionsGetASuggestion() {
        CliRunner cli = new CliRunner();
        assertEquals("huzhu: Unmatched argument at index 1: 'lsit'; did you mean `huzhu pool list`? (see `huzhu pool --help`)",
                cli.run("pool", "lsit").errLine());
        assertEquals("huzhu: Unknown option: '--jsn'; did you mean `--json`? (see `huzhu pool list --help`)", cli.run("pool", "list", "--jsn").errLine());
        assertEquals("huzhu: Unmatched argument at index 1: 'zzzz' (see `huzhu pool --help`)", cli.run("pool", "zzzz").errLine());
    }

    @Test
    void fishCompletionOffersSubcommandsAndOptions() {
        CliRunner.Result r = new CliRunner().run("completion", "fish");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("complete -c huzhu -n '__fish_seen_subcommand_from pool; and not __fish_seen_subcommand_from create list show compare close wind-down' -a 'list'"), r.out());
        assertTrue(r.out().contains("complete -c huzhu -n '__fish_seen_subcommand_from dev; and __fish_seen_subcommand_from fund' -l eth -r"), r.out());
    }
}
