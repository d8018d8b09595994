package dev.huzhu.web;

import dev.huzhu.indexer.IndexDatabase;
import io.javalin.Javalin;
import java.io.IOException;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The transparency page and its read-only JSON API on Javalin (Jetty 12). Bounded everywhere: at
 * most {@link #THREADS} request threads with a queue of {@link #QUEUE} accepted requests,
 * {@link #CONNECTIONS} pooled database connections (a request waits at most
 * {@link ReadPool#WAIT_MS} for one, then gets a 503), each query at most {@link Rows#QUERY_TIMEOUT_S} s,
 * and a connection that sends nothing for {@link #READ_TIMEOUT_MS} ms (a stalled or half-open request, an
 * idle keep-alive) is closed: Jetty reads requests without holding a thread, so stalled clients hold no worker.
 * Every answer carries {@link SecurityHeaders}; Jetty's own errors are JSON ({@link JsonErrors}).
 */
public final class WebServer implements AutoCloseable {
    static final int THREADS = Integer.getInteger("huzhu.web.threads", 16);
    static final int QUEUE = 4_096;
    static final int CONNECTIONS = Integer.getInteger("huzhu.web.connections", 4);
    static final long READ_TIMEOUT_MS = Long.getLong("huzhu.web.readTimeoutMs", 10_000);
    private final Javalin app;
    private final ReadPool pool;
    private final String host;

    private final boolean https;

    private WebServer(Javalin app, ReadPool pool, String host, boolean https) {
        this.app = app;
        this.pool = pool;
        this.host = host;
        this.https = https;
    }

    /** Starts serving {@code chainId}'s index from {@code db} on {@code host:port} (port 0 = any free port). */
    public static WebServer start(IndexDatabase db, long chainId, String host, int port) throws IOException {
        return start(db, chainId, host, port, null);
    }

    /**
     * The same, with the in-process indexer's own report ({@code live}, may be null: an indexer in another process) for
     * /api/status: it knows when the database is what fails, which the database's sync_status row cannot say.
     */
    public static WebServer start(IndexDatabase db, long chainId, String host, int port,
                                  java.util.function.Supplier<dev.huzhu.indexer.IndexerHealth.Snapshot> live) throws IOException {
        return start(db, chainId, host, port, live, null);
    }

    /** The same, also serving the document store under /api/documents ({@code documents} may be null: no store). */
    public static WebServer start(IndexDatabase db, long chainId, String host, int port,
                                  java.util.function.Supplier<dev.huzhu.indexer.IndexerHealth.Snapshot> live,
                                  DocumentRoutes documents) throws IOException {
        return start(db, chainId, host, port, live, documents, (String) null);
    }

    /** The same, linking addresses and transactions to {@code explorer} (null: the chain's known explorer, if any). */
    public static WebServer start(IndexDatabase db, long chainId, String host, int port,
                                  java.util.function.Supplier<dev.huzhu.indexer.IndexerHealth.Snapshot> live,
                                  DocumentRoutes documents, String explorer) throws IOException {
        return start(db, chainId, host, port, live, documents, explorer, null);
    }

    /** The same over HTTPS only when {@code tls} is given (the API, the page and the document store). */
    public static WebServer start(IndexDatabase db, long chainId, String host, int port,
                                  java.util.function.Supplier<dev.huzhu.indexer.IndexerHealth.Snapshot> live,
                                  DocumentRoutes documents, String explorer, TlsIdentity tls) throws IOException {
        ReadPool pool = new ReadPool(db, CONNECTIONS);
        ApiRoutes api = new ApiRoutes(pool, new ReadModel(chainId, live,
                explorer != null ? explorer : dev.huzhu.chain.BlockExplorer.forChain(chainId)));
        PageFiles page = new PageFiles();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2, 60_000, new BlockingArrayQueue<>(64, 64, QUEUE));
            threads.setName("huzhu-web");
            threads.setDaemon(true);
            config.jetty.threadPool = threads;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrors());
            });
            if (tls != null) {
                config.jetty.addConnector((server, http) -> {
                    org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
                    ssl.setKeyStore(tls.keyStore());
                    ssl.setKeyStorePassword(new String(TlsIdentity.KEYSTORE_PASSWORD));
                    org.eclipse.jetty.server.HttpConfiguration https = new org.eclipse.jetty.server.HttpConfiguration(http);
                    https.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
                    ServerConnector c = new ServerConnector(server, new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
                            new org.eclipse.jetty.server.HttpConnectionFactory(https));
                    c.setHost(host);
                    c.setPort(port);
                    return c;
                });
            }
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.setRequestHeaderSize(16 * 1024);
            });
            config.routes.before(ctx -> {
                SecurityHeaders.ALL.forEach(ctx::header);
                PercentEscapes.check("path", ctx.req().getRequestURI());
                PercentEscapes.check("query", ctx.queryString());
            });
            if (documents != null) {
                config.http.maxRequestSize = Math.max(config.http.maxRequestSize, documents.store().maxBytes() + 1);
                documents.register(config.routes);
            }
            api.register(config.routes);
            config.routes.get("/*", page::serve);
            config.routes.head("/*", page::serve);
        });
        try {
            app.start(host, port);
            // Javalin adds its connector at start (after modifyServer ran): the read timeout is set here, for every new connection
            for (var c : app.jettyServer().server().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setIdleTimeout(READ_TIMEOUT_MS);
                }
            }
        } catch (RuntimeException e) {
            pool.close();
            throw new IOException("cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "); pick another port with --port", e);
        }
        return new WebServer(app, pool, host, tls != null);
    }

    public int port() {
        for (var c : app.jettyServer().server().getConnectors()) {
            if (c instanceof ServerConnector sc && sc.getLocalPort() > 0) {
                return sc.getLocalPort();
            }
        }
        return app.port();
    }

    /** How many listeners the server has (one: HTTPS only with --tls, never an extra plain one). */
    int listeners() {
        return app.jettyServer().server().getConnectors().length;
    }

    public String url() {
        return (https ? "https" : "http") + "://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            pool.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
