package dev.huzhu.cli;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.chain.NetworkProfiles;
import dev.huzhu.devnet.LocalNode;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.DeploymentBook;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerException;
import dev.huzhu.indexer.IndexerSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code huzhu index}: follows the Huzhu contracts of a chain into an SQLite or PostgreSQL database. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index every Huzhu contract's events into a database (SQLite by default, PostgreSQL for scale).",
        footer = {"", "Reads the factory and its deployment block from deployments/<chainId>.json unless --factory is given.",
                "Safe to stop at any moment (even kill -9): it resumes where the last committed block range ended.",
                "", "Examples:", "  huzhu index --once", "  huzhu index --network local --confirmations 2",
                "  huzhu index --db jdbc:postgresql://127.0.0.1:5432/huzhu --finality finalized"})
final class IndexCommand implements Callable<Integer> {
    @Mixin
    Source source;

    @Option(names = "--once", description = "catch up to the head, then exit (default: keep following the head)")
    boolean once;

    @Option(names = "--confirmations", defaultValue = "0", paramLabel = "N", description = "stay N blocks behind the head (default: ${DEFAULT-VALUE})")
    int confirmations;

    @Option(names = "--finality", defaultValue = "latest", paramLabel = "latest|finalized", description = "which head to follow (default: ${DEFAULT-VALUE})")
    String finality;

    @Option(names = "--quiet", description = "print only the final summary")
    boolean quiet;

    @Option(names = "--max-range", paramLabel = "BLOCKS", description = "most blocks per eth_getLogs (default: ${DEFAULT-VALUE}; for providers with a range limit)",
            defaultValue = "50000")
    long maxRange;

    @Override
    public Integer call() throws Exception {
        Finality f = Finality.parse(finality);
        if (maxRange < 1) {
            throw new InvalidInputException("--max-range must be at least 1, got " + maxRange);
        }
        try (Source.Resolved r = source.resolve(confirmations, f).withMaxRange(maxRange)) {
            System.out.println("indexing chain " + r.chainId() + " from " + dev.huzhu.chain.Redaction.url(r.rpcUrl()) + " into " + r.db().url());
            AtomicBoolean stop = new AtomicBoolean();
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                stop.set(true);
                try {
                    main.join(5000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "index-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try (Indexer indexer = r.newIndexer(quiet ? null : new PrintingListener(System.out))) {
                indexer.run(once, stop::get);
            } catch (IndexerException e) {
                throw new UserError(ExitCodes.NETWORK, e.getMessage());
            }
            if (!stop.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            System.out.println(once ? "caught up" : "stopped");
            return ExitCodes.OK;
        }
    }

    /** Prints each indexed range and every reorg and retry. */
    static final class PrintingListener implements Indexer.Listener {
        private final PrintStream out;

        PrintingListener(PrintStream out) {
            this.out = out;
        }

        @Override
        public void batch(long from, long to, int events, int fresh) {
            out.printf("blocks %d..%d: %d events (%d new)%n", from, to, events, fresh);
        }

        @Override
        public void reorg(long cursor, long ancestor, Set<String> rebuilt) {
            out.printf("reorg: block %d left the chain; rolled back to common ancestor %d and rebuilt %d plan(s)%n",
                    cursor, ancestor, rebuilt.size());
        }

        @Override
        public void retry(String problem, long delayMs) {
            System.err.printf("huzhu index: %s; retrying in %d ms%n", problem, delayMs);
        }
    }

    /** Where to read (network, factory) and where to write (database): shared by index, watch and serve. */
    static final class Source {
        @Option(names = "--network", defaultValue = "local", paramLabel = "NAME",
                description = "network to follow; `local` is the node of `huzhu node start` (or 127.0.0.1:8545) (default: ${DEFAULT-VALUE})")
        String network;

        @Option(names = "--rpc-url", paramLabel = "URL", description = "JSON-RPC endpoint (overrides --network)")
        String rpcUrl;

        @Option(names = "--db", paramLabel = "URL", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB (default: .huzhu/index/<chainId>-<genesis>.db)")
        String db;

        @Option(names = "--factory", paramLabel = "ADDRESS", description = "factory to follow (default: from deployments/<chainId>.json)")
        List<String> factories = new ArrayList<>();

        @Option(names = "--plan", paramLabel = "ADDRESS", description = "also follow this plan contract directly")
        List<String> plans = new ArrayList<>();

        @Option(names = "--from-block", paramLabel = "N", description = "first block to index (default: the deployment block)")
        Long fromBlock;

        /** A connected chain and database, ready to index. */
        record Resolved(String rpcUrl, long chainId, ChainSource chain, IndexDatabase db, IndexerSettings settings) implements AutoCloseable {
            Resolved withMaxRange(long max) {
                return new Resolved(rpcUrl, chainId, chain, db, settings.withMaxRange(max));
            }

            Indexer newIndexer(Indexer.Listener listener) throws java.sql.SQLException {
                return new Indexer(db, chain, chainId, settings, EventDecoder.packaged(), listener);
            }

            @Override
            public void close() {
                chain.close();
            }
        }

        Resolved resolve(int confirmations, Finality finality) {
            for (String a : concat(factories, plans)) {
                if (!a.matches("0x[0-9a-fA-F]{40}")) {
                    throw new InvalidInputException("not an address: " + a + " (expected 0x and 40 hex digits)");
                }
            }
            String url = rpcUrl != null ? rpcUrl : networkUrl(network);
            ChainSource chain = new ChainSource(url);
            try {
                long chainId;
                String genesis;
                try {
                    chainId = chain.chainId();
                    genesis = chain.header(0).hash();
                } catch (RuntimeException e) {
                    throw new UserError(ExitCodes.NETWORK, "no Ethereum node answers at " + url + " (" + e.getMessage() + ")");
                }
                Path home = ProjectDir.get();
                List<String> fs = new ArrayList<>(factories);
                long from = fromBlock == null ? 0 : fromBlock;
                if (fs.isEmpty()) {
                    String dirEnv = System.getenv("HUZHU_DEPLOYMENTS_DIR");
                    Path deployments = dirEnv == null || dirEnv.isBlank() ? home.resolve("deployments") : Path.of(dirEnv);
                    DeploymentBook book = new DeploymentBook(deployments);
                    Optional<Deployment> d = book.read(chainId);
                    if (d.isEmpty() && plans.isEmpty()) {
                        throw new InvalidInputException("no " + book.file(chainId)
                                + ": run `huzhu deploy` first, or pass --factory ADDRESS --from-block N");
                    }
                    if (d.isPresent()) {
                        fs.add(d.get().address(Deployment.FACTORY).toLowerCase(java.util.Locale.ROOT));
                        from = fromBlock == null ? d.get().firstBlock() : fromBlock;
                    }
                }
                String dbUrl = db != null ? db
                        : IndexDatabase.defaultUrl(home.resolve(".huzhu/index"), chainId).replace(".db", "-" + genesis.substring(2, 10) + ".db");
                IndexDatabase database;
                try {
                    database = IndexDatabase.open(dbUrl);
                } catch (IndexerException e) {
                    throw new UserError(ExitCodes.USAGE, e.getMessage());
                }
                IndexerSettings settings = IndexerSettings.of(fs, plans, from, confirmations, finality);
                return new Resolved(url, chainId, chain, database, settings);
            } catch (RuntimeException e) {
                chain.close();
                throw e;
            }
        }

        static String networkUrl(String network) {
            String local = new LocalNode(ProjectDir.get()).status().filter(LocalNode.Status::running)
                    .map(LocalNode.Status::rpcUrl).orElse("http://127.0.0.1:8545");
            return NetworkProfiles.load(local, Path.of(System.getProperty("user.home"), ".huzhu", "networks.json")).get(network).rpcUrl();
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
    }
}
