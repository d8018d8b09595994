package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CLI world's chain indexed by `huzhu index --once` into a database and served by the web server (API and page):
 * what the scenario ITs compare with the contracts' views, and where they run a browser script.
 */
final class ServedIndex implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebServer server;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServedIndex(WebServer server, String url) {
        this.server = server;
        this.url = url;
    }

    /** The API of a server started elsewhere (closing this leaves it running). */
    static ServedIndex at(String url) {
        return new ServedIndex(null, url);
    }

    /** Indexes {@code w}'s deployment into {@code jdbcUrl} (up to the chain's head) and serves it. */
    static ServedIndex of(CliWorld w, String jdbcUrl) throws Exception {
        w.ok("index", "--once", "--quiet", "--db", jdbcUrl);
        WebServer server = WebServer.start(IndexDatabase.open(jdbcUrl), 31337, "127.0.0.1", 0);
        return new ServedIndex(server, server.url());
    }

    String url() {
        return url;
    }

    /** GET {@code path} (no leading slash) of the API: a 200, its JSON. */
    JsonNode get(String path) {
        return get(path, 200);
    }

    /** GET {@code path}: answered with {@code status}, its JSON. */
    JsonNode get(String path, int status) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(status, r.statusCode(), path + ": " + r.body());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    /**
     * Runs {@code node src/test/browser/SCRIPT URL SCREENSHOT_DIR ARGS…} (headless Chromium) against the served page;
     * fails with its output unless every check passed. Prints the output and how long it took.
     */
    void browser(String script, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "src/test/browser/" + script, url,
                Files.createDirectories(HardhatNodeExtension.projectDir().resolve("target/screenshots")).toString()));
        command.addAll(args);
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(HardhatNodeExtension.projectDir().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), script + " timed out:\n" + out);
        System.out.println(out + script + ": " + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertEquals(0, p.exitValue(), out);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
