package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.protocol.EventDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A new index catching up (several ranges per transaction, the first one kept open for the next): every block is
 * written once, in order. Until session 7 the second range's first step checked the plans' rules
 * (PlanRules.fillMissing, once per run), which rolled back the first range still open in the transaction; the
 * cursor check caught it, and the indexer slept 250 ms and read the chain again from the first block.
 */
@ExtendWith(HardhatNodeExtension.class)
class NewIndexCatchUpIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void everyBlockIsWrittenOnceInOrder(String kind, HardhatNode node) throws Exception {
        EventGenerator.Burst b = EventGenerator.once(node.rpcUrl(), "--events", "1200", "--per-tx", "60", "--txs-per-block", "1",
                "--first-member", "0x2400000000000000000000000000000000000000", "--payouts", "20");
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        List<long[]> batches = new ArrayList<>();
        List<String> retries = new ArrayList<>();
        Indexer.Listener listener = new Indexer.Listener() {
            @Override
            public void batch(long from, long to, int events, int fresh) {
                batches.add(new long[] {from, to, fresh});
            }

            @Override
            public void retry(String problem, long delayMs) {
                retries.add(problem);
            }
        };
        try (ChainSource source = new ChainSource(node.rpcUrl());
             Indexer indexer = new Indexer(db, source, source.chainId(),
                     IndexerSettings.of(List.of(), List.of(b.address()), b.fromBlock(), 0, Finality.LATEST), EventDecoder.packaged(), listener)) {
            indexer.run(true, () -> false);
        }
        assertTrue(batches.size() > 2, "several ranges: " + batches.size());
        assertEquals(b.fromBlock(), batches.get(0)[0], "the first range starts at the first block asked for");
        long next = b.fromBlock();
        long written = 0;
        for (long[] r : batches) {
            assertEquals(next, r[0], "ranges follow each other; no block is read or written twice (ranges: " + describe(batches) + ")");
            next = r[1] + 1;
            written += r[2];
        }
        assertTrue(next > b.toBlock(), "up to the last block of the burst");
        assertEquals(List.of(), retries);
        assertEquals(b.events(), written, "each event written once");
        assertEquals(b.events(), TableDump.count(db, "SELECT COUNT(*) FROM events"));
    }

    private static String describe(List<long[]> batches) {
        return String.join(", ", batches.stream().map(r -> r[0] + ".." + r[1]).toList());
    }
}
