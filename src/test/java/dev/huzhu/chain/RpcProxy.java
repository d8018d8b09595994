package dev.huzhu.chain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A JSON-RPC endpoint in front of a real node whose behaviour a test scripts: forward, drop the
 * connection without an answer (an outage), or answer something else entirely (an HTML page, garbage,
 * an HTTP error, an endless body). The policy sees each request's body and returns what to do.
 */
public final class RpcProxy implements AutoCloseable {
    /** What to do with one request. */
    public sealed interface Reply {}

    /** Pass it to the node and its answer back. */
    public record Forward() implements Reply {}

    /** Pass it to the node, then drop the connection instead of answering (the node acted; the client never hears). */
    public record ForwardThenDrop() implements Reply {}

    /** Drop the connection without forwarding (the node is unreachable). */
    public record Drop() implements Reply {}

    /** Answer with this status, content type and body (not forwarded). */
    public record Answer(int status, String contentType, String body) implements Reply {}

    /** Answer with this redirect status and a Location header (not forwarded). */
    public record Redirect(int status, String location) implements Reply {}

    /** Answer 200 with a body that never ends (a chunked stream of {@code chunk}, forever). */
    public record Endless(String start, String chunk) implements Reply {}

    public static final Reply FORWARD = new Forward();
    public static final Reply DROP = new Drop();

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String target;
    private volatile Function<String, Reply> policy = body -> FORWARD;
    private volatile String lastAuthorization;

    public RpcProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rpc-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The proxy's URL, with {@code path} appended (e.g. "/v3/KEY"). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String url() {
        return url("/");
    }

    /** The Authorization header of the last request (null when none). */
    public String lastAuthorization() {
        return lastAuthorization;
    }

    public RpcProxy policy(Function<String, Reply> p) {
        this.policy = p;
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastAuthorization = ex.getRequestHeaders().getFirst("Authorization");
            Reply reply = policy.apply(body);
            if (reply instanceof Forward) {
                respond(ex, 200, "application/json", forward(body));
            } else if (reply instanceof ForwardThenDrop) {
                forward(body);
            } else if (reply instanceof Answer a) {
                respond(ex, a.status(), a.contentType(), a.body());
            } else if (reply instanceof Redirect r) {
                ex.getResponseHeaders().add("Location", r.location());
                ex.sendResponseHeaders(r.status(), -1);
            } else if (reply instanceof Endless e) {
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                byte[] chunk = e.chunk().getBytes(StandardCharsets.UTF_8);
                out.write(e.start().getBytes(StandardCharsets.UTF_8));
                try {
                    while (true) {
                        out.write(chunk);
                    }
                } catch (IOException closed) {
                    // the client gave up: good
                }
            }
            // Drop: closing without headers drops the connection
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RpcProxy.class).info("proxy: {}", e.toString()); // the client went away, or the node did
        }
    }

    private String forward(String body) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(target)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
