package dev.huzhu.chain;

import java.math.BigInteger;
import java.util.Map;

/** One decoded log: where it happened, which event, and its named fields. */
public record ChainEvent(long block, String txHash, int logIndex, String contract, String name, Map<String, Object> fields) {
    public BigInteger number(String field) {
        Object v = fields.get(field);
        return v instanceof BigInteger b ? b : BigInteger.ZERO;
    }

    public String address(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    /** True when any address field of the event is {@code address} (EIP-55 compared case-insensitively). */
    public boolean involves(String address) {
        return fields.values().stream().anyMatch(v -> v instanceof String s && s.equalsIgnoreCase(address));
    }
}
