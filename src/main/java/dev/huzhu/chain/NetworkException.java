package dev.huzhu.chain;

/** The node cannot be reached, refuses a request, or serves another chain than the profile says. */
public class NetworkException extends RuntimeException {
    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
