package dev.huzhu.cli;

import dev.huzhu.chain.NetworkException;
import dev.huzhu.protocol.NotFoundException;
import dev.huzhu.chain.RevertedException;
import dev.huzhu.chain.TransactionTimeoutException;
import dev.huzhu.devnet.DevnetException;
import dev.huzhu.wallet.WalletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.huzhu.cli.logging.LogSetup;
import dev.huzhu.protocol.InvalidInputException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns known failures into one clear line on stderr and a documented exit code. Anything else is
 * a bug: one line on stderr naming it and the log file, exit 1, and the stack trace in the log
 * (never on the screen). Every failure is logged.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    /** Looked up on the first failure only: a command that succeeds and logs nothing never starts logback (start-up). */
    private static Logger log() {
        return LoggerFactory.getLogger(UserErrorHandler.class);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof StoppedEarly stop) {
            if (cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--json")) {
                dev.huzhu.cli.output.Json.print(cmd.getOut(), stop.json());
            } else {
                cmd.getOut().println(stop.getMessage());
            }
            cmd.getOut().flush();
            return ExitCodes.OK;
        }
        int code = exitCode(e);
        String command = cmd.getCommandSpec().qualifiedName();
        if (code == ExitCodes.SOFTWARE) {
            log().error("`{}` failed unexpectedly (exit {})", command, code, e);
            Path log = LogSetup.currentFile();
            cmd.getErr().println("huzhu: unexpected error (a bug): " + dev.huzhu.chain.Redaction.text(oneLine(String.valueOf(e)))
                    + (log != null ? "; stack trace in " + log : ""));
        } else {
            log().info("`{}` failed (exit {}): {}", command, code, e.getMessage(), log().isDebugEnabled() ? e : null);
            cmd.getErr().println("huzhu: " + dev.huzhu.protocol.ChainText.safe(dev.huzhu.chain.Redaction.text(oneLine(e.getMessage())), Integer.MAX_VALUE));
        }
        cmd.getErr().flush();
        return code;
    }

    private static String oneLine(String s) {
        return String.valueOf(s).strip().replaceAll("\\s*\\R\\s*", " ");
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
        if (e instanceof dev.huzhu.chain.UnknownOutcomeException) {
            return ExitCodes.UNKNOWN_OUTCOME;
        }
        if (e instanceof TransactionTimeoutException) {
            return ExitCodes.TIMEOUT;
        }
        if (e instanceof NetworkException || e instanceof DevnetException || e instanceof dev.huzhu.zk.ZkException
                || e instanceof IOException || e instanceof UncheckedIOException) {
            return ExitCodes.NETWORK;
        }
        if (e instanceof dev.huzhu.privacy.KeyWrap.NotGranted) {
            return ExitCodes.NOT_GRANTED;
        }
        if (e instanceof dev.huzhu.privacy.DocumentStore.TamperedDocument || e instanceof dev.huzhu.privacy.SealedDocument.Tampered) {
            return ExitCodes.TAMPERED;
        }
        if (e instanceof dev.huzhu.privacy.StoreClient.StoreException) {
            return ExitCodes.NETWORK;
        }
        if (e instanceof InvalidInputException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof InterruptedException) {
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.SOFTWARE;
    }
}
