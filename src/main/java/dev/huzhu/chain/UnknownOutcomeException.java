package dev.huzhu.chain;

/**
 * A transaction was signed and handed to the node, and then the node stopped answering before its
 * receipt could be read: it may have been mined, or not. Never report this as a failure (a script
 * would send it again): the message names the hash and how to check it.
 */
public final class UnknownOutcomeException extends RuntimeException {
    private final String txHash;

    public UnknownOutcomeException(String txHash, String why, Throwable cause) {
        super("transaction " + txHash + " was sent, but its outcome is unknown: " + why + "; it may have been mined. "
                + "Check it with `huzhu tx status " + txHash + "` (same --network/--rpc-url) before sending again", cause);
        this.txHash = txHash;
    }

    public String txHash() {
        return txHash;
    }
}
