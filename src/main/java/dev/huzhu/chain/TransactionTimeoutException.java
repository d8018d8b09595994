package dev.huzhu.chain;

/** A sent transaction was not mined or confirmed in time; it may still be pending. */
public class TransactionTimeoutException extends RuntimeException {
    public TransactionTimeoutException(String message) {
        super(message);
    }

    public TransactionTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
