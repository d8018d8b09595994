package dev.huzhu.indexer;

import dev.huzhu.protocol.EventDecoder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forced reorgs on the Hardhat node (evm_snapshot / evm_revert, then a different branch is
 * mined): the index follows the new canonical chain and keeps nothing of the orphaned branch,
 * whether the new branch is shorter (found while idle at the head) or longer (parent-hash mismatch).
 */
@ExtendWith(HardhatNodeExtension.class)
class ReorgIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void followsTheNewBranchAndForgetsTheOrphanedOne(String kind, HardhatNode node) throws Exception {
        String url = node.rpcUrl();
        long start = DevRpc.blockNumber(url) + 1;
        String snapshot = DevRpc.call(url, "evm_snapshot").asText();
        EventGenerator.Burst a = EventGenerator.emit(url, "--events", "900", "--per-tx", "60", "--txs-per-block", "1",
                "--first-member", "0x2100000000000000000000000000000000000000");
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        try (ChainSource source = new ChainSource(url)) {
            long chainId = source.chainId();
            IndexerSettings settings = IndexerSettings.of(List.of(), List.of(a.address()), start, 0, Finality.LATEST);
            List<Reorg> reorgs = new java.util.ArrayList<>();
            Indexer.Listener listener = new Indexer.Listener() {
                @Override
                public void reorg(long cursor, long ancestor, Set<String> rebuilt) {
                    reorgs.add(new Reorg(cursor, ancestor));
                }
            };
            index(db, source, chainId, settings, listener);
            assertEquals(a.events(), TableDump.count(db, "SELECT COUNT(*) FROM events"));
            Set<String> orphanedTxs = txHashes(db);

            // branch B, shorter than A: the indexer sees its cursor block vanish while idle at the head
            assertTrue(DevRpc.call(url, "evm_revert", snapshot).asBoolean());
            EventGenerator.Burst b = EventGenerator.emit(url, "--events", "300", "--per-tx", "60", "--txs-per-block", "1",
                    "--first-member", "0x2200000000000000000000000000000000000000");
            assertEquals(a.address(), b.address(), "same deployer nonce, same helper address on both branches");
            assertTrue(b.toBlock() < a.toBlock());
            index(db, source, chainId, settings, listener);
            assertEquals(1, reorgs.size());
            assertTrue(reorgs.get(0).ancestor() < b.fromBlock(), "rolled back below the fork: " + reorgs);
            assertCanonicalOnly(db, url, b.events(), orphanedTxs);

            // branch C, forked from B and longer than it: a parent-hash mismatch while catching up
            String snapshotB = DevRpc.call(url, "evm_snapshot").asText();
            DevRpc.mine(url, 2);
            index(db, source, chainId, settings, listener);
            Set<String> orphanedBlocks = Set.of(DevRpc.blockHash(url, b.toBlock() + 1), DevRpc.blockHash(url, b.toBlock() + 2));
            assertTrue(DevRpc.call(url, "evm_revert", snapshotB).asBoolean());
            DevRpc.call(url, "evm_increaseTime", 7);
            DevRpc.mine(url, 6);
            index(db, source, chainId, settings, listener);
            assertEquals(2, reorgs.size());
            assertEquals(b.toBlock(), reorgs.get(1).ancestor());
            assertCanonicalOnly(db, url, b.events(), orphanedTxs);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT block_hash FROM recent_blocks")) {
                while (rs.next()) {
                    assertTrue(!orphanedBlocks.contains(rs.getString(1)), "orphaned block hash kept: " + rs.getString(1));
                }
            }

            // and the result is exactly a fresh index of the canonical chain
            IndexDatabase fresh = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
            index(fresh, source, chainId, settings, null);
            assertEquals(TableDump.of(fresh), TableDump.of(db));
        }
    }

    private record Reorg(long cursor, long ancestor) {}

    private static void index(IndexDatabase db, ChainSource source, long chainId, IndexerSettings s, Indexer.Listener l) throws Exception {
        try (Indexer indexer = new Indexer(db, source, chainId, s, EventDecoder.packaged(), l)) {
            indexer.run(true, () -> false);
        }
    }

    private static Set<String> txHashes(IndexDatabase db) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT tx_hash FROM events")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            c.rollback();
        }
        return out;
    }

    /** Every stored event sits in a canonical block, none comes from the orphaned branch, and the count is right. */
    private static void assertCanonicalOnly(IndexDatabase db, String url, long expected, Set<String> orphanedTxs) throws Exception {
        assertEquals(expected, TableDump.count(db, "SELECT COUNT(*) FROM events"));
        for (String table : List.of("events", "deposits", "contributions", "points", "payouts")) {
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT block_number, block_hash, tx_hash FROM " + table)) {
                while (rs.next()) {
                    assertEquals(DevRpc.blockHash(url, rs.getLong(1)), rs.getString(2), table + " row in a non-canonical block");
                    assertTrue(!orphanedTxs.contains(rs.getString(3)), table + " row from the orphaned branch");
                }
                c.rollback();
            }
        }
        assertEquals(0, TableDump.count(db, "SELECT COUNT(*) FROM members m WHERE NOT EXISTS "
                + "(SELECT 1 FROM events e WHERE e.name = 'MemberJoined' AND e.scope = m.plan AND e.args LIKE '%' || m.member || '%')"));
    }
}
