package dev.huzhu.web;

import dev.huzhu.indexer.BackgroundIndexer;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import java.util.function.Consumer;

/** The page and API kept current: catches up once, then follows the chain in the background while serving. */
public final class LiveSite implements AutoCloseable {
    private final BackgroundIndexer indexer;
    private final WebServer server;

    private LiveSite(BackgroundIndexer indexer, WebServer server) {
        this.indexer = indexer;
        this.server = server;
    }

    public static LiveSite start(IndexDatabase db, ChainSource chain, long chainId, IndexerSettings settings, String host, int port,
                                 Consumer<Exception> onIndexerFailure) throws Exception {
        Indexer catchUp = new Indexer(db, chain, chainId, settings, EventDecoder.packaged(), null);
        try {
            catchUp.run(true, () -> false);
        } finally {
            catchUp.close();
        }
        BackgroundIndexer follower = new BackgroundIndexer(new Indexer(db, chain, chainId, settings, EventDecoder.packaged(), null),
                onIndexerFailure);
        try {
            return new LiveSite(follower, WebServer.start(db, chainId, host, port));
        } catch (Exception e) {
            follower.close();
            throw e;
        }
    }

    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            indexer.close();
        }
    }
}
