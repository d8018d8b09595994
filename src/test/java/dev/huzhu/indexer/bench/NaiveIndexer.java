package dev.huzhu.indexer.bench;

import dev.huzhu.indexer.BlockHeader;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.DecodedEvent;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.indexer.NaiveIngest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The baseline of scripts/bench-indexer: what a first, naive indexer does. It polls block by
 * block (one eth_getBlockByNumber and one eth_getLogs per block) and stores each event with one
 * insert and one commit (a plain auto-commit JDBC connection with SQLite's defaults), running the
 * same decoding and the same projections as the real indexer.
 */
public final class NaiveIndexer {
    private NaiveIndexer() {}

    /** Indexes blocks [from, to] of {@code contract} into the (already migrated) SQLite file at {@code url}; returns events stored. */
    public static int run(ChainSource source, long chainId, String url, String contract, long from, long to) throws Exception {
        EventDecoder catalog = EventDecoder.packaged();
        int stored = 0;
        try (Connection c = DriverManager.getConnection(url); NaiveIngest ingest = new NaiveIngest(c, chainId)) {
            for (long b = from; b <= to; b++) {
                BlockHeader header = source.header(b);
                List<Log> logs = source.logs(b, b, List.of(contract));
                for (Log l : logs) {
                    DecodedEvent e = DecodedEvent.decode(catalog, l, header.timestamp()).orElseThrow();
                    stored += ingest.storeAndCommit(e, contract);
                }
            }
        }
        return stored;
    }
}
