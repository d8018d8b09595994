package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.protocol.RandomPlanLife;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexer survives database and node faults (issue 11): a SQLite write lock held by another process for 40 s, a
 * PostgreSQL restart, and a node that answers 503 for a while, as the chain moves on. It retries with backoff, says so ({@link IndexerHealth}: retrying,
 * the last error, since when), and resumes by itself: afterwards every log of the chain is indexed, once.
 */
@ExtendWith(HardhatNodeExtension.class)
class IndexerFaultsIT {
    @TempDir
    Path tmp;

    private static RandomPlanLife.World world;

    private static synchronized RandomPlanLife.World world(HardhatNode node) throws Exception {
        if (world == null) {
            world = new RandomPlanLife.World(ChainConnection.open(node.rpcUrl()));
        }
        return world;
    }

    @Test
    void aSqliteLockHeldFortySecondsIsWaitedOut(HardhatNode node) throws Exception {
        RandomPlanLife.World w = world(node);
        String url = TestDatabases.fresh("sqlite", tmp);
        IndexDatabase db = IndexDatabase.open(url);
        try (Following f = new Following(db, node.rpcUrl(), w);
             dev.huzhu.web.WebServer server = dev.huzhu.web.WebServer.start(db, w.chainId, "127.0.0.1", 0, () -> f.health().snapshot())) {
            f.awaitSynced(node, 60_000);
            List<String> states = new ArrayList<>();
            try (Connection lock = DriverManager.getConnection(url); Statement s = lock.createStatement()) {
                s.execute("BEGIN EXCLUSIVE"); // another process holds the write lock
                w.life(true, 31, 3, 6); // the chain moves on meanwhile
                long until = System.currentTimeMillis() + 40_000;
                while (System.currentTimeMillis() < until) {
                    states.add(f.health().snapshot().state().label());
                    Thread.sleep(500);
                }
                IndexerHealth.Snapshot during = f.health().snapshot();
                assertEquals(IndexerHealth.State.RETRYING, during.state(), "after 40 s of a held lock: " + states);
                assertNotNull(during.lastError());
                assertTrue(during.lastError().contains("database"), during.lastError());
                assertNotNull(during.failingSinceMs());
                // and /api/status of the serving process says so, while the database is what fails
                com.fasterxml.jackson.databind.JsonNode status = status(server.url());
                assertEquals("retrying", status.get("state").asText(), status.toString());
                assertTrue(status.get("lastError").asText().contains("database"), status.toString());
                s.execute("ROLLBACK");
            }
            f.awaitSynced(node, 60_000); // resumed by itself
            assertTrue(f.running(), "the indexer never stopped");
        }
        assertAllIndexed(db, node, w);
    }

    @Test
    void aPostgresRestartIsWaitedOut(HardhatNode node) throws Exception {
        RandomPlanLife.World w = world(node);
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh("postgresql", tmp));
        try (Following f = new Following(db, node.rpcUrl(), w)) {
            f.awaitSynced(node, 60_000);
            PostgresServer.shared().stopForAWhile(() -> {
                w.life(false, 32, 3, 6); // the chain moves on while the server is down
                long until = System.currentTimeMillis() + 5_000;
                while (System.currentTimeMillis() < until && f.health().snapshot().state() != IndexerHealth.State.RETRYING) {
                    Thread.sleep(200);
                }
                assertEquals(IndexerHealth.State.RETRYING, f.health().snapshot().state(), "says it is retrying");
                return null;
            });
            f.awaitSynced(node, 90_000);
            assertTrue(f.running(), "the indexer never stopped");
        }
        assertAllIndexed(db, node, w);
    }

    @Test
    void aNodeOutageIsWaitedOutAndReportedWithoutTheUrlsSecrets(HardhatNode node) throws Exception {
        RandomPlanLife.World w = world(node);
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh("sqlite", tmp));
        try (SwitchableProxy proxy = new SwitchableProxy(node.rpcUrl());
             Following f = new Following(db, proxy.url() + "v3/0123456789abcdef0123456789abcdef", w);
             dev.huzhu.web.WebServer server = dev.huzhu.web.WebServer.start(db, w.chainId, "127.0.0.1", 0, () -> f.health().snapshot())) {
            f.awaitSynced(node, 60_000);
            proxy.down(true);
            w.life(true, 33, 3, 4); // the chain moves on while the indexer cannot reach it
            long until = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < until && f.health().snapshot().state() != IndexerHealth.State.RETRYING) {
                Thread.sleep(200);
            }
            com.fasterxml.jackson.databind.JsonNode status = status(server.url());
            assertEquals("retrying", status.get("state").asText(), status.toString());
            assertTrue(status.get("lag").asLong() >= 0 && !status.get("lastError").isNull(), status.toString());
            assertTrue(!status.toString().contains("0123456789abcdef0123456789abcdef"), "the URL's key is never served: " + status);
            proxy.down(false);
            f.awaitSynced(node, 60_000); // resumed by itself
            assertEquals("synced", status(server.url()).get("state").asText());
            assertTrue(f.running());
        }
        assertAllIndexed(db, node, w);
    }

    private static com.fasterxml.jackson.databind.JsonNode status(String base) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "api/status")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    private static void assertAllIndexed(IndexDatabase db, HardhatNode node, RandomPlanLife.World w) throws Exception {
        try (ChainSource source = new ChainSource(node.rpcUrl())) {
            long cursor = TableDump.count(db, "SELECT block_number FROM sync_cursor");
            List<String> contracts = new ArrayList<>(List.of(w.factory.toLowerCase(Locale.ROOT)));
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT address FROM contracts WHERE kind = 'plan'")) {
                while (rs.next()) {
                    contracts.add(rs.getString(1));
                }
                c.rollback();
            }
            assertEquals(source.logs(0, cursor, contracts).size(), TableDump.count(db, "SELECT COUNT(*) FROM events"),
                    "every log of the factory and its plans up to the cursor, once");
        }
    }

    /** An indexer following the world's factory on a thread of its own, as `serve` runs it. */
    private static final class Following implements AutoCloseable {
        private final ChainSource source;
        private final Indexer indexer;
        private final Thread thread;
        private volatile boolean stop;
        private volatile Exception failure;

        Following(IndexDatabase db, String rpcUrl, RandomPlanLife.World w) throws Exception {
            source = new ChainSource(rpcUrl);
            indexer = new Indexer(db, source, w.chainId, IndexerSettings.of(List.of(w.factory.toLowerCase(Locale.ROOT)), List.of(), 0, 0,
                    Finality.LATEST), EventDecoder.packaged(), null);
            BooleanSupplier stopped = () -> stop;
            thread = new Thread(() -> {
                try {
                    indexer.run(false, stopped);
                } catch (Exception e) {
                    failure = e;
                }
            }, "faults-indexer");
            thread.start();
        }

        IndexerHealth health() {
            return indexer.health();
        }

        boolean running() {
            return thread.isAlive() && failure == null;
        }

        void awaitSynced(HardhatNode node, long timeoutMs) throws Exception {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < deadline) {
                IndexerHealth.Snapshot s = health().snapshot();
                if (failure != null) {
                    throw new AssertionError("the indexer stopped: " + failure, failure);
                }
                if (s.state() == IndexerHealth.State.SYNCED && s.indexed() >= DevRpc.blockNumber(node.rpcUrl())) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("not synced after " + timeoutMs + " ms: " + health().snapshot());
        }

        @Override
        public void close() throws Exception {
            stop = true;
            thread.interrupt();
            thread.join(30_000);
            indexer.close();
            source.close();
        }
    }
}
