package dev.huzhu.indexer;

import dev.huzhu.protocol.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * What to index and how.
 *
 * @param factories     factory contracts whose events create plans (from deployments/&lt;chainId&gt;.json or --factory)
 * @param plans         plan contracts followed from the start (besides those the factories create)
 * @param fromBlock     the first block to index (the deployment block)
 * @param confirmations how many blocks to stay behind the head
 * @param finality      follow the latest or the finalized head
 * @param initialRange  blocks per eth_getLogs at start; adapts between 1 and {@code maxRange}
 * @param targetLogs    logs per eth_getLogs response the adaptive range aims at
 * @param fromBlockGiven whether the user asked for {@code fromBlock} (--from-block): then it is honoured or refused with a reason
 */
public record IndexerSettings(List<String> factories, List<String> plans, long fromBlock, int confirmations,
                              Finality finality, long initialRange, long maxRange, int targetLogs, boolean fromBlockGiven) {
    public static final long DEFAULT_INITIAL_RANGE = 1;
    public static final long DEFAULT_MAX_RANGE = 50_000;
    /** Logs per eth_getLogs response the range aims at (see {@link AdaptiveRange}). */
    public static final int DEFAULT_TARGET_LOGS = 600;

    public IndexerSettings {
        factories = factories.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        plans = plans.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        if (fromBlock < 0) {
            throw new InvalidInputException("--from-block must be >= 0, got " + fromBlock);
        }
        if (confirmations < 0) {
            throw new InvalidInputException("--confirmations must be >= 0, got " + confirmations);
        }
    }

    public static IndexerSettings of(List<String> factories, List<String> plans, long fromBlock, int confirmations, Finality finality) {
        return new IndexerSettings(factories, plans, fromBlock, confirmations, finality, DEFAULT_INITIAL_RANGE, DEFAULT_MAX_RANGE,
                DEFAULT_TARGET_LOGS, false);
    }

    /** The same settings, with {@code fromBlock} asked for by the user (--from-block). */
    public IndexerSettings withFromBlockGiven() {
        return new IndexerSettings(factories, plans, fromBlock, confirmations, finality, initialRange, maxRange, targetLogs, true);
    }

    /** The same settings with another maximum range (blocks per eth_getLogs). */
    public IndexerSettings withMaxRange(long max) {
        return new IndexerSettings(factories, plans, fromBlock, confirmations, finality, Math.min(initialRange, max), max, targetLogs, fromBlockGiven);
    }
}
