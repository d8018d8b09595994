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

    /** Stable for this event on this chain: chain id, transaction hash and log index. */
    public String idempotencyKey() {
        return "huzhu-" + chainId + "-" + txHash + "-" + logIndex;
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
