package dev.huzhu.cli;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerException;
import dev.huzhu.indexer.PayoutWatcher;
import dev.huzhu.indexer.WebhookSender;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.huzhu.cli.options.IndexSource;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huzhu watch payouts}: payout notifications as JSON lines and/or webhook POSTs. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Stream payouts (or all claim events) as JSON lines on stdout and/or POST them to a webhook.",
        footer = {"", "Delivery is at least once, in chain order; each message carries an idempotencyKey (also the",
                "Idempotency-Key header) to deduplicate on. Failed webhook calls are retried with backoff. The",
                "delivery cursor lives in the index database, so a restart resumes after the last delivered event.",
                "", "Examples:", "  huzhu watch payouts", "  huzhu watch payouts --plan 0xAbc… --webhook https://example.org/hook",
                "  huzhu watch payouts --claims --from-block 120 --confirmations 3"})
final class WatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "payouts", description = "what to watch (only `payouts` for now)")
    String what;

    @Spec
    CommandSpec spec;

    @Mixin
    IndexSource source;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST each event here (JSON) instead of printing it; add --stdout to do both")
    String webhook;

    @Option(names = "--stdout", description = "also print JSON lines when --webhook is given")
    boolean stdout;

    @Option(names = "--claims", description = "deliver every claim event (submitted, voted, approved, …), not only payouts")
    boolean claims;

    @Option(names = "--confirmations", defaultValue = "0", paramLabel = "N", description = "deliver only events N blocks deep (default: ${DEFAULT-VALUE})")
    int confirmations;

    @Option(names = "--once", description = "deliver what exists now, then exit")
    boolean once;

    @Option(names = "--sink", paramLabel = "NAME", description = "name of this watcher's delivery cursor (default: derived from webhook and filters)")
    String sinkName;

    @Override
    public Integer call() throws Exception {
        if (!"payouts".equals(what)) {
            throw new InvalidInputException("can only watch `payouts`, got: " + what);
        }
        String planFilter = null;
        if (!source.plans.isEmpty()) {
            planFilter = source.plans.get(0).toLowerCase(Locale.ROOT);
        }
        WebhookSender sender = null;
        if (webhook != null) {
            try {
                sender = new WebhookSender(new URI(webhook), Duration.ofMillis(500), Duration.ofSeconds(30));
            } catch (URISyntaxException e) {
                throw new InvalidInputException("--webhook is not a URL: " + webhook);
            }
        }
        long fromBlock = source.fromBlock == null ? 0 : source.fromBlock;
        String sink = sinkName != null ? sinkName
                : (webhook == null ? "stdout" : webhook) + (planFilter == null ? "" : " plan=" + planFilter) + (claims ? " claims" : "")
                + (source.fromBlock == null ? "" : " from=" + fromBlock);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // --from-block picks the first delivered block, not where indexing starts
        try (IndexSource.Resolved r = source.resolve(Session.of(spec), confirmations, Finality.LATEST, null)) {
            AtomicBoolean stop = new AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true), "watch-stop"));
            PayoutWatcher.Options options = new PayoutWatcher.Options(planFilter, claims, fromBlock,
                    webhook == null || stdout ? line -> {
                        out.println(line);
                        out.flush();
                    } : null, sender);
            try (Indexer indexer = r.newIndexer(null);
                 PayoutWatcher watcher = new PayoutWatcher(indexer, r.db(), r.chainId(), sink, options,
                         msg -> {
                             err.println("huzhu watch: " + dev.huzhu.chain.Redaction.text(msg));
                             err.flush();
                         })) {
                watcher.run(once, stop::get);
            } catch (IndexerException e) {
                throw new UserError(ExitCodes.NETWORK, e.getMessage());
            }
            return ExitCodes.OK;
        }
    }
}
