package dev.huzhu.cli;

import picocli.CommandLine;

/** A command-line mistake: one line naming it and where to get help, exit code 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = String.valueOf(e.getMessage()).replace(System.lineSeparator(), " ").strip();
        cmd.getErr().println("huzhu: " + message + " (see `" + cmd.getCommandSpec().qualifiedName() + " --help`)");
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }
}
