package dev.huzhu.cli.options;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.chain.FeeOverrides;
import dev.huzhu.chain.GasPrice;
import java.math.BigInteger;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a transaction is sent: fees, confirmation prompt, confirmations to wait for. */
public final class TxOptions {
    @Option(names = {"-y", "--yes"}, description = "send without asking for confirmation")
    public boolean yes;

    @Option(names = "--confirmations", paramLabel = "N", defaultValue = "1",
            description = "blocks to wait for; 0 sends and returns at once with the hash (default: ${DEFAULT-VALUE})")
    int confirmations;

    @Option(names = "--dry-run", description = "print the call (to, calldata) and its gas estimate; send nothing")
    public boolean dryRun;

    @Option(names = "--max-fee", paramLabel = "GWEI", description = "EIP-1559 max fee per gas (default: 2 × base fee + tip)")
    String maxFee;

    @Option(names = "--priority-fee", paramLabel = "GWEI", description = "EIP-1559 tip per gas (default: the node's suggestion, else 1 gwei)")
    String priorityFee;

    @Option(names = "--gas-limit", paramLabel = "GAS", description = "gas limit (default: estimate + 20%%)")
    String gasLimit;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "give up waiting after this long (default: ${DEFAULT-VALUE}); the transaction may still be mined")
    int timeoutSeconds;

    public FeeOverrides fees() {
        BigInteger limit = null;
        if (gasLimit != null) {
            if (!gasLimit.matches("[1-9][0-9]{0,9}")) {
                throw new InvalidInputException("--gas-limit '" + gasLimit + "' is not a positive whole number");
            }
            limit = new BigInteger(gasLimit);
        }
        return new FeeOverrides(maxFee == null ? null : GasPrice.parseGwei(maxFee, "--max-fee"),
                priorityFee == null ? null : GasPrice.parseGwei(priorityFee, "--priority-fee"), limit);
    }

    public int confirmations() {
        if (confirmations < 0 || confirmations > 1000) {
            throw new InvalidInputException("--confirmations must be between 0 and 1000, not " + confirmations);
        }
        return confirmations;
    }

    public Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** Validates everything up front, so a bad option fails before any network call. */
    public void check() {
        fees();
        confirmations();
        timeout();
    }
}
