package dev.huzhu.cli;

import dev.huzhu.indexer.BackgroundIndexer;
import dev.huzhu.indexer.Finality;
import dev.huzhu.web.WebServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code huzhu serve}: the transparency page and read-only JSON API, kept current by an in-process indexer. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the transparency page (中文/English) and the read-only JSON API over the index database.",
        footer = {"", "API: /api/plans, /api/plans/{address}, /api/claims?plan=&status=, /api/members/{address}/records,",
                "     /api/payouts, /api/stats, /api/status (limit/offset paging; CORS open for reads).",
                "", "Examples:", "  huzhu serve", "  huzhu serve --port 8080 --no-index --db jdbc:postgresql://127.0.0.1/huzhu"})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    IndexCommand.Source source;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--no-index", description = "only serve the database; do not follow the chain")
    boolean noIndex;

    @Option(names = "--confirmations", defaultValue = "0", paramLabel = "N", description = "indexer stays N blocks behind the head")
    int confirmations;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        try (IndexCommand.Source.Resolved r = source.resolve(confirmations, Finality.LATEST);
             BackgroundIndexer indexer = noIndex ? null : new BackgroundIndexer(r.newIndexer(null),
                     e -> System.err.println("huzhu serve: indexer stopped: " + e.getMessage()));
             WebServer server = WebServer.start(r.db(), r.chainId(), host, port)) {
            System.out.println("serving chain " + r.chainId() + " from " + r.db().url());
            System.out.println("page: " + server.url() + "   (Ctrl-C to stop)");
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown, "serve-stop"));
            forever.await();
            return ExitCodes.OK;
        }
    }
}
