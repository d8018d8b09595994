package dev.huzhu.cli;

/** A failure to report as one line with a specific exit code (see {@link ExitCodes}). */
public final class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
