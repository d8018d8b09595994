package dev.huzhu.protocol;

/** Something named does not exist on this chain: no deployment, unknown plan, unknown claim. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
