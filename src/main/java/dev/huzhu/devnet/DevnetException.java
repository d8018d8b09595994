package dev.huzhu.devnet;

/** A local node could not be started, found or stopped; the message is meant for the user. */
public class DevnetException extends RuntimeException {
    public DevnetException(String message) {
        super(message);
    }
}
