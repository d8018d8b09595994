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
}
