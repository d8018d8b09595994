package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.protocol.RandomPlanLife;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cursor per followed contract (issue 11): a plan added to an existing index gets its whole history, however far
 * the index has gone; two indexers following different plans on one database lose nothing; a --from-block that would
 * skip blocks is refused with the reason. The expected events are what eth_getLogs returns for each plan.
 */
@ExtendWith(HardhatNodeExtension.class)
class CursorsPerContractIT {
    private static RandomPlanLife a;
    private static RandomPlanLife b;
    private static RandomPlanLife.World world;

    @TempDir
    Path tmp;

    private static synchronized void lives(HardhatNode node) throws Exception {
        if (a == null) {
            world = new RandomPlanLife.World(ChainConnection.open(node.rpcUrl()));
            a = world.life(false, 7, 4, 12);
            b = world.life(true, 8, 4, 12);
            DevRpc.mine(node.rpcUrl(), 3);
        }
    }

    private static IndexerSettings plans(long from, RandomPlanLife... lives) {
        List<String> ps = new ArrayList<>();
        for (RandomPlanLife l : lives) {
            ps.add(l.plan.toLowerCase(Locale.ROOT));
        }
        return IndexerSettings.of(List.of(), ps, from, 0, Finality.LATEST);
    }

    private static void index(IndexDatabase db, HardhatNode node, IndexerSettings settings) throws Exception {
        try (ChainSource source = new ChainSource(node.rpcUrl());
             Indexer indexer = new Indexer(db, source, world.chainId, settings.withMaxRange(40), EventDecoder.packaged(), null)) {
            indexer.run(true, () -> false);
        }
    }

    private static long onChain(HardhatNode node, RandomPlanLife life) throws Exception {
        try (ChainSource source = new ChainSource(node.rpcUrl())) {
            return source.logs(0, source.head(Finality.LATEST), List.of(life.plan.toLowerCase(Locale.ROOT))).size();
        }
    }

    private static long indexed(IndexDatabase db, RandomPlanLife life) throws Exception {
        return TableDump.count(db, "SELECT COUNT(*) FROM events WHERE contract = '" + life.plan.toLowerCase(Locale.ROOT) + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void aPlanAddedLaterGetsItsWholeHistory(String kind, HardhatNode node) throws Exception {
        lives(node);
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        index(db, node, plans(1, a)); // plan A alone, to the head
        assertEquals(onChain(node, a), indexed(db, a));
        assertEquals(0, indexed(db, b));
        index(db, node, plans(1, a, b).withFromBlockGiven()); // then A and B, B from block 1: B's history below the cursor too
        assertEquals(onChain(node, b), indexed(db, b), "every log of plan B, also those below the index's cursor");
        assertEquals(onChain(node, a), indexed(db, a), "plan A unchanged, nothing twice");
        assertEquals(0, TableDump.count(db, "SELECT COUNT(*) FROM contracts WHERE indexed_to IS NOT NULL"), "B caught up and joined A");
        long members = TableDump.count(db, "SELECT COUNT(*) FROM members WHERE plan = '" + b.plan.toLowerCase(Locale.ROOT) + "'");
        assertTrue(members > 0, "B's members are projected");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void twoIndexersFollowingDifferentPlansOnOneDatabaseLoseNothing(String kind, HardhatNode node) throws Exception {
        lives(node);
        String url = TestDatabases.fresh(kind, tmp);
        IndexDatabase first = IndexDatabase.open(url);
        index(first, node, plans(1, a)); // the database exists; then two indexers start on it at once
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = pool.submit(() -> {
                index(IndexDatabase.open(url), node, plans(1, a));
                return null;
            });
            Future<?> two = pool.submit(() -> {
                index(IndexDatabase.open(url), node, plans(1, b).withFromBlockGiven());
                return null;
            });
            one.get();
            two.get();
        } finally {
            pool.shutdownNow();
        }
        IndexDatabase db = IndexDatabase.open(url);
        index(db, node, plans(1, a)); // a third run follows both: the database says what is followed
        assertEquals(onChain(node, a), indexed(db, a));
        assertEquals(onChain(node, b), indexed(db, b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void aFromBlockThatWouldSkipBlocksIsRefusedWithTheReason(String kind, HardhatNode node) throws Exception {
        lives(node);
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        index(db, node, plans(1, a));
        long cursor = TableDump.count(db, "SELECT block_number FROM sync_cursor");
        DevRpc.mine(node.rpcUrl(), 5);
        IndexerException refused = assertThrows(IndexerException.class, () -> index(db, node, plans(cursor + 4, a).withFromBlockGiven()));
        assertTrue(refused.getMessage().contains("would skip blocks " + (cursor + 1) + "-" + (cursor + 3)), refused.getMessage());
        assertEquals(cursor, TableDump.count(db, "SELECT block_number FROM sync_cursor"), "nothing indexed");
    }
}
