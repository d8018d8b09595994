package dev.huzhu.cli;

import dev.huzhu.chain.Redaction;
import dev.huzhu.cli.options.IndexSource;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerException;
import dev.huzhu.protocol.InvalidInputException;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;


/** {@code huzhu index}: follows the Huzhu contracts of a chain into an SQLite or PostgreSQL database. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index every Huzhu contract's events into a database (SQLite by default, PostgreSQL for scale).",
        footer = {"", "Reads the factory and its deployment block from deployments/<chainId>.json unless --factory is given.",
                "Safe to stop at any moment (even kill -9): it resumes where the last committed block range ended.",
                "", "Examples:", "  huzhu index --once", "  huzhu index --network local --confirmations 2",
                "  huzhu index --db jdbc:postgresql://127.0.0.1:5432/huzhu --finality finalized"})
final class IndexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexSource source;

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
        PrintWriter out = spec.commandLine().getOut();
        try (IndexSource.Resolved r = source.resolve(Session.of(spec), confirmations, f, source.fromBlock).withMaxRange(maxRange)) {
            out.println("indexing chain " + r.chainId() + " from " + Redaction.url(r.rpcUrl()) + " into " + Redaction.text(r.db().url()));
            out.flush();
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
            try (Indexer indexer = r.newIndexer(quiet ? null : new PrintingListener(out))) {
                indexer.run(once, stop::get);
            } catch (IndexerException e) {
                throw new UserError(ExitCodes.NETWORK, e.getMessage());
            }
            if (!stop.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            out.println(once ? "caught up" : "stopped");
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Prints each indexed range and every reorg (retries are in the log, which index also writes to stderr). */
    static final class PrintingListener implements Indexer.Listener {
        private final PrintWriter out;

        PrintingListener(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void batch(long from, long to, int events, int fresh) {
            out.printf("blocks %d..%d: %d events (%d new)%n", from, to, events, fresh);
            out.flush();
        }

        @Override
        public void reorg(long cursor, long ancestor, Set<String> rebuilt) {
            out.printf("reorg: block %d left the chain; rolled back to common ancestor %d and rebuilt %d plan(s)%n",
                    cursor, ancestor, rebuilt.size());
            out.flush();
        }
    }
}
