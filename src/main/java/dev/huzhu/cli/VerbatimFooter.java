package dev.huzhu.cli;

import picocli.CommandLine;

/**
 * Help footers (the examples) printed line by line as written, never wrapped at the help width: a
 * wrapped example breaks mid-command and cannot be copied into a shell. Footer lines are format strings
 * as picocli's ({@code %n}, {@code %%}).
 */
final class VerbatimFooter implements CommandLine.IHelpSectionRenderer {
    private final CommandLine.Model.CommandSpec spec;

    private VerbatimFooter(CommandLine.Model.CommandSpec spec) {
        this.spec = spec;
    }

    /** Installs the renderer on {@code cl} and every subcommand below it. */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new VerbatimFooter(cl.getCommandSpec()));
        cl.getSubcommands().values().forEach(VerbatimFooter::install);
    }

    @Override
    public String render(CommandLine.Help help) {
        StringBuilder sb = new StringBuilder();
        for (String line : spec.usageMessage().footer()) {
            sb.append(String.format(line)).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
