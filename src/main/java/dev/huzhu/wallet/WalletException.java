package dev.huzhu.wallet;

/** A keystore problem the user can fix: unknown account, wrong password, unreadable file, no password. */
public final class WalletException extends RuntimeException {
    public WalletException(String message) {
        super(message);
    }

    public WalletException(String message, Throwable cause) {
        super(message, cause);
    }
}
