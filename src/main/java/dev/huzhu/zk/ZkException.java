package dev.huzhu.zk;

/** The prover could not run or refused its input; the message is one line for the user. */
public final class ZkException extends RuntimeException {
    public ZkException(String message) {
        super(message);
    }
}
