package dev.huzhu.chain;

import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.DecodedLog;
import dev.huzhu.protocol.EventDecoder;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * One decoded log as the CLI reads it: where it happened, which event, and its named fields typed
 * by the ABI (BigInteger for integers, EIP-55 String for addresses, byte[] for bytes32, Boolean).
 */
public record ChainEvent(long block, String txHash, int logIndex, String contract, String name, Map<String, Object> fields) {
    /** Decodes {@code log} with the one protocol decoder; empty when it is no protocol event. */
    public static Optional<ChainEvent> decode(EventDecoder decoder, Log log) {
        return decoder.decode(log).map(d -> of(decoder.types().get(log.getTopics().get(0).toLowerCase(Locale.ROOT)), log, d));
    }

    private static ChainEvent of(EventDecoder.EventType type, Log log, DecodedLog d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (EventDecoder.Param p : type.params()) {
            Object v = d.args().values().get(p.name());
            fields.put(p.name(), v instanceof String s ? typed(p.type(), s) : v);
        }
        return new ChainEvent(log.getBlockNumber().longValue(), log.getTransactionHash(), log.getLogIndex().intValue(),
                Address.checksum(log.getAddress()), d.name(), fields);
    }

    private static Object typed(String type, String value) {
        if (type.equals("address")) {
            return Address.checksum(value);
        }
        if (type.matches("u?int\\d*")) {
            return new BigInteger(value);
        }
        if (type.startsWith("bytes") && value.startsWith("0x")) {
            return Numeric.hexStringToByteArray(value);
        }
        return value;
    }

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
