package dev.huzhu.chain;

import dev.huzhu.protocol.EventDecoder;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/** Reads and decodes the logs of some contracts, in chain order, in batches of block ranges. */
public final class EventLog {
    private static final long BATCH = 10_000;

    private final Web3j web3j;
    private final EventDecoder decoder;

    public EventLog(Web3j web3j, EventDecoder decoder) {
        this.web3j = web3j;
        this.decoder = decoder;
    }

    /** Every protocol event of {@code contracts} from {@code fromBlock} to the latest block. */
    public List<ChainEvent> read(List<String> contracts, long fromBlock) {
        List<ChainEvent> events = new ArrayList<>();
        if (contracts.isEmpty()) {
            return events;
        }
        try {
            long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
            for (long from = fromBlock; from <= head; from += BATCH) {
                long to = Math.min(head, from + BATCH - 1);
                EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), contracts);
                EthLog result = web3j.ethGetLogs(filter).send();
                if (result.hasError()) {
                    throw new NetworkException("eth_getLogs failed: " + result.getError().getMessage());
                }
                for (EthLog.LogResult<?> r : result.getLogs()) {
                    ChainEvent.decode(decoder, (Log) r.get()).ifPresent(events::add);
                }
            }
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
        return events;
    }
}
