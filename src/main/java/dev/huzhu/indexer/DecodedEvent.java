package dev.huzhu.indexer;

import dev.huzhu.protocol.DecodedLog;
import dev.huzhu.protocol.EventArgs;
import dev.huzhu.protocol.EventDecoder;
import java.util.Locale;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;

/** One decoded log: its exact position on chain, the contract that emitted it, name and arguments. */
public record DecodedEvent(long blockNumber, String blockHash, String txHash, int logIndex, long blockTime,
                           String contract, String name, EventArgs args) {
    /** Decodes {@code l} with the one protocol decoder; empty when its topic is no protocol event. */
    public static Optional<DecodedEvent> decode(EventDecoder decoder, Log l, long blockTime) {
        return decoder.decode(l).map(d -> of(l, d, blockTime));
    }

    private static DecodedEvent of(Log l, DecodedLog d, long blockTime) {
        return new DecodedEvent(LogFields.blockNumber(l), l.getBlockHash().toLowerCase(Locale.ROOT),
                l.getTransactionHash().toLowerCase(Locale.ROOT), LogFields.logIndex(l), blockTime,
                l.getAddress().toLowerCase(Locale.ROOT), d.name(), d.args());
    }
}
