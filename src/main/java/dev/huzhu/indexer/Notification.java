package dev.huzhu.indexer;

import dev.huzhu.protocol.EventArgs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** One event delivered to a watcher, with the idempotency key a receiver deduplicates on. */
public record Notification(long chainId, String event, String plan, long blockNumber, String blockHash, String txHash,
                           int logIndex, long blockTime, EventArgs args) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The event name of a retraction: a delivered event that a reorg removed from the chain. */
    public static final String RETRACTED = "Retracted";

    /** Stable for this event on this chain: chain id, transaction hash and log index (a retraction: "-retracted" added). */
    public String idempotencyKey() {
        String key = "huzhu-" + chainId + "-" + txHash + "-" + logIndex;
        return RETRACTED.equals(event) ? key + "-retracted" : key;
    }

    /**
     * The retraction of a delivered event ({@code event}, at {@code blockNumber}/{@code logIndex} of block {@code blockHash})
     * that a reorg removed: same position and hashes, event "Retracted", args {retracts: its idempotency key}.
     */
    static Notification retraction(long chainId, String plan, long blockNumber, String blockHash, String txHash, int logIndex) {
        Notification original = new Notification(chainId, "", plan, blockNumber, blockHash, txHash, logIndex, 0, new EventArgs(Map.of()));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("retracts", original.idempotencyKey());
        return new Notification(chainId, RETRACTED, plan, blockNumber, blockHash, txHash, logIndex, 0, new EventArgs(args));
    }

    /** One JSON line (no newline). */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idempotencyKey", idempotencyKey());
        m.put("chainId", chainId);
        m.put("event", event);
        m.put("plan", plan);
        m.put("blockNumber", blockNumber);
        m.put("blockHash", blockHash);
        m.put("txHash", txHash);
        m.put("logIndex", logIndex);
        m.put("blockTime", blockTime);
        m.put("args", args.values());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
