package dev.huzhu.cli;

/** Documented exit codes of the {@code huzhu} command (docs/cli.md); scripts may rely on them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something unexpected: a bug. */
    public static final int SOFTWARE = 1;
    /** Bad command-line usage or input (unknown option, malformed address or amount…). */
    public static final int USAGE = 2;
    /** The node could not be reached, answers for another chain, or the local devnet failed. */
    public static final int NETWORK = 3;
    /** A transaction (or its gas estimate) reverted; the message is the decoded custom error. */
    public static final int REVERTED = 4;
    /** Keystore problem: unknown account, wrong password, missing or unreadable keystore, no password. */
    public static final int WALLET = 5;
    /** Something named does not exist: no deployment on this chain, unknown plan or claim. */
    public static final int NOT_FOUND = 6;
    /** The user answered "no" at the confirmation prompt; nothing was sent. */
    public static final int DECLINED = 7;
    /** A sent transaction was not mined (or not confirmed) in time; it may still be pending. */
    public static final int TIMEOUT = 8;
    /**
     * A transaction was sent and the node stopped answering before its receipt could be read: it may or
     * may not have been mined. The message names its hash and `huzhu tx status HASH`; never send it again blindly.
     */
    public static final int UNKNOWN_OUTCOME = 9;
    /** The account holds no key to an encrypted document (no grant, or the grant was revoked before it was added). */
    public static final int NOT_GRANTED = 10;
    /** A document or ciphertext does not match its hash or its authentication tag: altered, refused. */
    public static final int TAMPERED = 11;
    /** Interrupted by Ctrl-C. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
