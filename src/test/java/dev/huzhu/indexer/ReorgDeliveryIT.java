package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.chain.ChainConnection;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.protocol.RandomPlanLife;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Watchers rewind with the index (issue 11): a payout delivered, then removed by a one-block reorg (evm_snapshot /
 * evm_revert, the same finalize mined again at the same height with another timestamp: another block hash), is
 * announced as retracted, and the canonical payout is delivered after it, with the canonical block's hash.
 */
@ExtendWith(HardhatNodeExtension.class)
class ReorgDeliveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void aPayoutRemovedByAReorgIsRetractedAndTheCanonicalOneDelivered(String kind, HardhatNode node) throws Exception {
        String url = node.rpcUrl();
        RandomPlanLife.World world = new RandomPlanLife.World(ChainConnection.open(url));
        RandomPlanLife.World.RipeClaim claim = world.ripeClaim();
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        String plan = claim.plan().toLowerCase(Locale.ROOT);

        String snapshot = DevRpc.call(url, "evm_snapshot").asText();
        claim.pay().call(); // the orphan-to-be
        List<JsonNode> first = watch(db, world, url, plan);
        assertEquals(1, first.size(), first.toString());
        JsonNode orphan = first.get(0);
        assertEquals("ClaimPaid", orphan.get("event").asText());

        assertTrue(DevRpc.call(url, "evm_revert", snapshot).asBoolean());
        DevRpc.call(url, "evm_increaseTime", 13); // the same transaction at the same height, another block
        claim.pay().call();
        DevRpc.mine(url, 2); // the canonical branch is the longer one
        long block = orphan.get("blockNumber").asLong();
        String canonicalHash = DevRpc.blockHash(url, block);
        assertNotEquals(orphan.get("blockHash").asText(), canonicalHash, "a different block at the same height");

        List<JsonNode> second = watch(db, world, url, plan);
        assertEquals(2, second.size(), "a retraction, then the canonical payout: " + second);
        JsonNode retraction = second.get(0);
        assertEquals("Retracted", retraction.get("event").asText());
        assertEquals(orphan.get("idempotencyKey").asText(), retraction.get("args").get("retracts").asText());
        assertEquals(orphan.get("blockHash").asText(), retraction.get("blockHash").asText());
        assertNotEquals(orphan.get("idempotencyKey").asText(), retraction.get("idempotencyKey").asText(), "a key of its own");
        JsonNode canonical = second.get(1);
        assertEquals("ClaimPaid", canonical.get("event").asText());
        assertEquals(canonicalHash, canonical.get("blockHash").asText(), "the canonical block's payout");

        assertEquals(List.of(), watch(db, world, url, plan), "nothing more: each delivered once");
    }

    private static List<JsonNode> watch(IndexDatabase db, RandomPlanLife.World world, String url, String plan) throws Exception {
        List<String> lines = new ArrayList<>();
        IndexerSettings settings = IndexerSettings.of(List.of(world.factory.toLowerCase(Locale.ROOT)), List.of(), 0, 0, Finality.LATEST);
        try (ChainSource source = new ChainSource(url);
             Indexer indexer = new Indexer(db, source, world.chainId, settings, EventDecoder.packaged(), null);
             PayoutWatcher watcher = new PayoutWatcher(indexer, db, world.chainId, "test-" + plan,
                     new PayoutWatcher.Options(plan, false, 0, lines::add, null), msg -> { })) {
            watcher.run(true, () -> false);
        }
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) {
            out.add(JSON.readTree(l));
        }
        return out;
    }
}
