package dev.huzhu.web;

import com.sun.net.httpserver.HttpServer;
import dev.huzhu.indexer.IndexDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The transparency page and its read-only JSON API, on the JDK's built-in HTTP server (no
 * framework: a handful of GET endpoints over the index database).
 */
public final class WebServer implements AutoCloseable {
    private static final int THREADS = 4;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ReadConnections connections;

    private WebServer(HttpServer server, ExecutorService executor, ReadConnections connections) {
        this.server = server;
        this.executor = executor;
        this.connections = connections;
    }

    /** Starts serving {@code chainId}'s index from {@code db} on {@code host:port} (port 0 = any free port). */
    public static WebServer start(IndexDatabase db, long chainId, String host, int port) throws IOException, SQLException {
        ReadConnections connections = new ReadConnections(db, THREADS);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            connections.close();
            throw new IOException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); pick another port with --port", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "huzhu-web");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/api/", new ApiHandler(connections, new ReadModel(chainId)));
        server.createContext("/", new StaticFiles());
        server.start();
        return new WebServer(server, executor, connections);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        connections.close();
    }
}
