package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.huzhu.protocol.EventDecoder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failsafe's policies retry only what can get better: an RPC endpoint answering 401 (a bad API key) or a redirect
 * (308), or a webhook answering 404, is asked exactly once; a webhook answering 503 twice is asked three times.
 */
class PermanentErrorsTest {
    @TempDir
    Path tmp;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    void serve(int... statuses) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", ex -> {
            int n = requests.getAndIncrement();
            int status = statuses[Math.min(n, statuses.length - 1)];
            byte[] body = "{\"error\":\"no\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anRpcEndpointThatSays401IsAskedOnceAndTheIndexerSaysSo() throws Exception {
        permanentOnce(401);
    }

    @Test
    void anRpcEndpointThatRedirectsIsAskedOnce() throws Exception {
        permanentOnce(308); // an http:// node's client follows no redirect to https (no TLS): asking again cannot help
    }

    private void permanentOnce(int status) throws Exception {
        serve(status);
        IndexDatabase db = IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("i.db"));
        List<String> retries = new CopyOnWriteArrayList<>();
        try (ChainSource source = new ChainSource(url("/v3/9aa3d95b3bc440fa88ea12eaa4456161"));
             Indexer indexer = new Indexer(db, source, 31337, IndexerSettings.of(List.of("0x" + "11".repeat(20)), List.of(), 0, 0, Finality.LATEST),
                     EventDecoder.packaged(), new Indexer.Listener() {
                         @Override
                         public void retry(String problem, long delayMs) {
                             retries.add(problem);
                         }
                     })) {
            IndexerException e = assertThrows(IndexerException.class, () -> indexer.run(false, () -> false));
            assertTrue(e.getMessage().startsWith("not retried (a permanent error): "), e.getMessage());
            assertTrue(e.getMessage().contains("/v3/***"), "the key is not in the message: " + e.getMessage());
        }
        assertEquals(1, requests.get(), "one request, no retry");
        assertEquals(List.of(), retries);
    }

    @Test
    void aWebhookThatSays404IsAskedOnce() throws Exception {
        serve(404);
        List<String> failures = new CopyOnWriteArrayList<>();
        WebhookSender sender = new WebhookSender(URI.create(url("/hook")), Duration.ofMillis(10), Duration.ofMillis(20));
        IndexerException e = assertThrows(IndexerException.class, () -> sender.deliver(notification(), (n, p) -> failures.add(p)));
        assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
        assertEquals(1, requests.get());
    }

    @Test
    void aWebhookThatSays503IsAskedAgainUntilItTakesIt() throws Exception {
        serve(503, 503, 200);
        List<String> failures = new CopyOnWriteArrayList<>();
        WebhookSender sender = new WebhookSender(URI.create(url("/hook")), Duration.ofMillis(10), Duration.ofMillis(20));
        assertTrue(sender.deliver(notification(), (n, p) -> failures.add(n + " " + p)));
        assertEquals(3, requests.get());
        assertEquals(List.of("1 HTTP 503", "2 HTTP 503"), failures);
    }

    static Notification notification() {
        return new Notification(31337, "ClaimPaid", "0x" + "22".repeat(20), 7, "0x" + "33".repeat(32), "0x" + "44".repeat(32), 0, 1_700_000_000L,
                new dev.huzhu.protocol.EventArgs(java.util.Map.of("claimId", "1")));
    }
}
