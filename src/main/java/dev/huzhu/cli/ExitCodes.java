package dev.huzhu.cli;

/** Documented exit codes of the {@code huzhu} command (docs/cli.md). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something unexpected: a bug. */
    public static final int SOFTWARE = 1;
    /** Bad command-line usage or input. */
    public static final int USAGE = 2;
    /** The node could not be reached, or the local devnet failed. */
    public static final int NETWORK = 3;
    /** A transaction reverted. */
    public static final int REVERTED = 4;
    /** Interrupted by Ctrl-C. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
