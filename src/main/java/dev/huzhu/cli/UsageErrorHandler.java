package dev.huzhu.cli;

import dev.huzhu.protocol.InvalidInputException;
import picocli.CommandLine;

/**
 * A command-line mistake: one line naming it and where to get help, exit code 2. A typed converter
 * (claim id, decision…) throws {@link InvalidInputException}; its own words are the line.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        if (e.getCause() instanceof InvalidInputException bad) {
            // a converter that cannot know its option (a duration…) starts with the quoted value: name the option
            String option = bad.getMessage().startsWith("'") && e.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName() + " " : "";
            cmd.getErr().println("huzhu: " + option + dev.huzhu.chain.Redaction.text(bad.getMessage()));
        } else {
            String message = String.valueOf(e.getMessage()).replace(System.lineSeparator(), " ").strip();
            cmd.getErr().println("huzhu: " + dev.huzhu.chain.Redaction.text(message) + " (see `" + cmd.getCommandSpec().qualifiedName() + " --help`)");
        }
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }
}
