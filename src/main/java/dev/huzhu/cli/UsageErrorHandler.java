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
            cmd.getErr().println("huzhu: " + bad.getMessage());
        } else {
            String message = String.valueOf(e.getMessage()).replace(System.lineSeparator(), " ").strip();
            cmd.getErr().println("huzhu: " + message + " (see `" + cmd.getCommandSpec().qualifiedName() + " --help`)");
        }
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }
}
