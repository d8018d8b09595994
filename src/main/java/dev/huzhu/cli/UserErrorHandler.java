package dev.huzhu.cli;

import dev.huzhu.chain.NetworkException;
import dev.huzhu.protocol.NotFoundException;
import dev.huzhu.chain.RevertedException;
import dev.huzhu.chain.TransactionTimeoutException;
import dev.huzhu.devnet.DevnetException;
import dev.huzhu.wallet.WalletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Turns known failures into one clear line on stderr and a documented exit code. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        int code = exitCode(e);
        if (code == ExitCodes.SOFTWARE) {
            cmd.getErr().println("huzhu: unexpected error: " + e);
            e.printStackTrace(cmd.getErr());
        } else {
            cmd.getErr().println("huzhu: " + e.getMessage());
        }
        cmd.getErr().flush();
        return code;
    }

    static int exitCode(Exception e) {
        if (e instanceof UserError u) {
            return u.exitCode();
        }
        if (e instanceof WalletException) {
            return ExitCodes.WALLET;
        }
        if (e instanceof RevertedException) {
            return ExitCodes.REVERTED;
        }
        if (e instanceof NotFoundException) {
            return ExitCodes.NOT_FOUND;
        }
        if (e instanceof TransactionTimeoutException) {
            return ExitCodes.TIMEOUT;
        }
        if (e instanceof NetworkException || e instanceof DevnetException
                || e instanceof IOException || e instanceof UncheckedIOException) {
            return ExitCodes.NETWORK;
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.SOFTWARE;
    }
}
