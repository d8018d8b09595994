package dev.huzhu.cli;

import dev.huzhu.devnet.DevnetException;
import java.io.IOException;
import picocli.CommandLine;

/** Turns known failures into one clear line on stderr and a documented exit code. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof DevnetException || e instanceof IOException) {
            cmd.getErr().println("huzhu: " + e.getMessage());
            return ExitCodes.NETWORK;
        }
        if (e instanceof IllegalArgumentException) {
            cmd.getErr().println("huzhu: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        cmd.getErr().println("huzhu: unexpected error: " + e);
        e.printStackTrace(cmd.getErr());
        return ExitCodes.SOFTWARE;
    }
}
