package dev.huzhu.chain;

import dev.huzhu.protocol.DecodedError;
import java.util.Optional;

/**
 * A transaction reverted (or would revert, found by its gas estimate before anything was sent).
 * The message is the decoded custom error in words; {@link #error()} has the raw decoding.
 */
public class RevertedException extends RuntimeException {
    private final transient DecodedError error;
    private final String txHash;

    public RevertedException(String message, DecodedError error, String txHash) {
        super(message);
        this.error = error;
        this.txHash = txHash;
    }

    public Optional<DecodedError> error() {
        return Optional.ofNullable(error);
    }

    /** The hash of the mined, reverted transaction; empty when it was caught before sending. */
    public Optional<String> txHash() {
        return Optional.ofNullable(txHash);
    }
}
