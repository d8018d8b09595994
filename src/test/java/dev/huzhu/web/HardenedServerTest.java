package dev.huzhu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.indexer.IndexDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server under hostile input, without a node: an SQLite index with a sync status row whose last
 * error quotes an RPC URL with an API key. Secrets, security headers, clean JSON errors, stalled
 * connections, paging limits.
 */
class HardenedServerTest {
    static final String API_KEY = "9aa3d95b3bc440fa88ea12eaa4456161";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path tmp;
    static WebServer server;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        IndexDatabase db = IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("hardened.db"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // a row as an older indexer wrote it: the raw error with the provider's key and a DB password
            s.executeUpdate("INSERT INTO sync_status (chain_id, head_block, target_block, indexed_block, updated_ms, last_error) VALUES "
                    + "(31337, 10, 10, 8, 0, 'node at https://mainnet.infura.io/v3/" + API_KEY + " unreachable; "
                    + "jdbc:postgresql://db/huzhu?user=idx&password=s3cret refused; https://alice:pa55@rpc.example.org/ 401')");
            c.commit();
        }
        server = WebServer.start(db, 31337, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request written byte for byte (for paths HttpClient refuses to send). */
    static String raw(String requestLine) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void statusNeverServesCredentials() throws Exception {
        HttpResponse<String> r = get("/api/status");
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains(API_KEY), r.body());
        assertFalse(r.body().contains("s3cret"), r.body());
        assertFalse(r.body().contains("pa55"), r.body());
        assertTrue(r.body().contains("https://mainnet.infura.io/v3/***"), r.body());
        HttpResponse<String> stats = get("/api/stats");
        assertFalse(stats.body().contains(API_KEY) || stats.body().contains("s3cret"), stats.body());
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/app.js", "/api/status", "/api/nope", "/nope")) {
            HttpResponse<String> r = get(path);
            var h = r.headers();
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("DENY", h.firstValue("X-Frame-Options").orElse(null), path);
            assertEquals("no-referrer", h.firstValue("Referrer-Policy").orElse(null), path);
            String csp = h.firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
                    path + ": " + csp);
        }
    }

    @Test
    void unknownPathsAre404JsonForTheApiAndNotThePage() throws Exception {
        HttpResponse<String> api = get("/api/nope");
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), api.headers().toString());
        assertTrue(JSON.readTree(api.body()).get("error").asText().startsWith("no such endpoint: /api/nope"), api.body());

        HttpResponse<String> page = get("/no/such/page");
        assertEquals(404, page.statusCode(), page.body());
        assertFalse(page.body().contains("<html"), page.body());
        assertEquals(200, get("/").statusCode());
        assertEquals(200, get("/index.html").statusCode());
    }

    @Test
    void malformedEscapesAreJson400() throws Exception {
        for (String path : List.of("/api/claims?plan=%zz", "/api/members/%E0%A4%A/records", "/api/plans/%")) {
            String answer = raw("GET " + path + " HTTP/1.1");
            assertTrue(answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertTrue(answer.toLowerCase().contains("content-type: application/json"), path + ": " + answer);
            JsonNode error = JSON.readTree(body).get("error");
            assertTrue(error != null && error.asText().contains("malformed"), path + ": " + body);
        }
    }

    @Test
    void pagingIsBoundedOnEveryList() throws Exception {
        String member = "/api/members/0x70997970c51812dc3a010c7d01b50e0d17dc79c8/records";
        for (String list : List.of("/api/plans", "/api/claims", "/api/payouts", member)) {
            HttpResponse<String> r = get(list + "?limit=100000");
            assertEquals(400, r.statusCode(), list + ": " + r.body());
            assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith("limit must be between 1 and 500"), r.body());
        }
        JsonNode records = JSON.readTree(get(member + "?limit=5&offset=10").body());
        assertEquals(5, records.get("limit").asInt());
        assertEquals(10, records.get("offset").asInt());
    }

    @Test
    void stalledConnectionsDoNotFreezeTheServer() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            // half-open requests: headers never finished, bodies promised and never sent
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write((i % 2 == 0 ? "GET /api/status HTTP/1.1\r\nHost: x\r\n"
                        : "POST /api/plans HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertEquals(200, get("/api/status").statusCode());
            }
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "5 requests took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void stalledClientsAreCutOffByTheReadTimeout() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write("GET /api/status HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout((int) WebServer.READ_TIMEOUT_MS + 10_000);
            long t0 = System.nanoTime();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            while (in.read(buf) >= 0) {
                // drain whatever the server answers before it closes
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < WebServer.READ_TIMEOUT_MS + 5_000, "closed after " + ms + " ms");
        }
    }
}
