package dev.huzhu.indexer;

import dev.huzhu.protocol.EventDecoder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `huzhu watch payouts` against a local webhook receiver that fails the first two attempts of
 * every message: each payout still arrives exactly once per idempotency key, in chain order,
 * and a restarted watcher neither loses nor repeats any.
 */
@ExtendWith(HardhatNodeExtension.class)
class WebhookDeliveryIT {
    private static final int PAYOUTS = 12;
    private static final int FAILURES_PER_KEY = 2;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void everyPayoutArrivesOncePerKeyDespiteFailingAttempts(String kind, HardhatNode node) throws Exception {
        EventGenerator.Burst b = EventGenerator.emit(node.rpcUrl(), "--events", "120", "--payouts", Integer.toString(PAYOUTS),
                "--first-member", "0x2400000000000000000000000000000000000000");
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        Map<String, Integer> accepted = new ConcurrentHashMap<>();
        List<String> order = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/hook", ex -> {
            JsonNode body = new ObjectMapper().readTree(ex.getRequestBody());
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            int n = attempts.merge(key, 1, Integer::sum);
            int status = key != null && key.equals(body.get("idempotencyKey").asText()) && n > FAILURES_PER_KEY ? 200 : 503;
            if (status == 200 && accepted.merge(key, 1, Integer::sum) == 1) {
                order.add(body.get("blockNumber").asLong() + ":" + body.get("logIndex").asInt() + ":" + body.get("args").get("claimId").asText());
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        try (ChainSource source = new ChainSource(node.rpcUrl())) {
            IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
            URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            List<String> lines = new CopyOnWriteArrayList<>();
            watch(db, source, b, hook, lines);

            assertEquals(PAYOUTS, accepted.size(), "one accepted delivery per payout: " + accepted);
            accepted.forEach((k, v) -> assertEquals(1, v, "accepted twice: " + k));
            attempts.forEach((k, v) -> assertEquals(FAILURES_PER_KEY + 1, v, "retried until accepted: " + k));
            assertEquals(PAYOUTS, lines.size());
            List<String> sorted = order.stream().sorted((x, y) -> {
                String[] a = x.split(":");
                String[] c = y.split(":");
                int cmp = Long.compare(Long.parseLong(a[0]), Long.parseLong(c[0]));
                return cmp != 0 ? cmp : Integer.compare(Integer.parseInt(a[1]), Integer.parseInt(c[1]));
            }).toList();
            assertEquals(sorted, order, "delivered in chain order");

            // a restarted watcher resumes after the last delivered payout: nothing new, nothing again
            watch(db, source, b, hook, lines);
            assertEquals(PAYOUTS, lines.size());
            accepted.forEach((k, v) -> assertEquals(1, v));
            assertTrue(attempts.values().stream().allMatch(v -> v == FAILURES_PER_KEY + 1));
        } finally {
            receiver.stop(0);
        }
    }

    private static void watch(IndexDatabase db, ChainSource source, EventGenerator.Burst b, URI hook, List<String> lines) throws Exception {
        IndexerSettings settings = IndexerSettings.of(List.of(), List.of(b.address()), b.fromBlock(), 0, Finality.LATEST);
        try (Indexer indexer = new Indexer(db, source, source.chainId(), settings, EventDecoder.packaged(), null);
             PayoutWatcher watcher = new PayoutWatcher(indexer, db, source.chainId(), "test-hook",
                     new PayoutWatcher.Options(b.address(), false, 0, lines::add,
                             new WebhookSender(hook, Duration.ofMillis(10), Duration.ofMillis(40))), msg -> { })) {
            watcher.run(true, () -> false);
        }
    }
}
