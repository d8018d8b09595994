package dev.huzhu.cli;

import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.indexer.BackgroundIndexer;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import dev.huzhu.web.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The end of {@code huzhu demo}: index the scenario, then serve the transparency page until Ctrl-C (or just report, non-interactively). */
final class DemoSite {
    private DemoSite() {}

    static void show(java.io.PrintStream out, Path home, String rpcUrl, long chainId, String factory, boolean exitAfter, int port) throws Exception {
        Path file = home.resolve(".huzhu/demo/index.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        IndexDatabase db = IndexDatabase.open("jdbc:sqlite:" + file);
        IndexerSettings settings = IndexerSettings.of(List.of(factory), List.of(), 0, 0, Finality.LATEST);
        try (ChainSource chain = new ChainSource(rpcUrl)) {
            try (Indexer catchUp = new Indexer(db, chain, chainId, settings, EventDecoder.packaged(), null)) {
                catchUp.run(true, () -> false);
            }
            if (exitAfter) {
                out.println("indexed the scenario into " + file + "; serve it with `huzhu serve --no-index` (not serving: --exit or no terminal)");
                return;
            }
            int p = HardhatNode.portTaken(port) ? 0 : port;
            try (BackgroundIndexer follower = new BackgroundIndexer(new Indexer(db, chain, chainId, settings, EventDecoder.packaged(), null),
                    e -> org.slf4j.LoggerFactory.getLogger(DemoSite.class).error("the demo's indexer stopped: {}", e.getMessage(), e));
                 WebServer site = WebServer.start(db, chainId, "127.0.0.1", p)) {
                out.println();
                out.println("transparency page (透明公示页): " + site.url() + "   — Ctrl-C to stop");
                awaitCtrlC();
            }
        }
    }

    /** Blocks until the JVM is asked to stop; the node's own shutdown hook then stops the node. */
    private static void awaitCtrlC() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "demo-site-stop"));
        stop.await();
    }
}
