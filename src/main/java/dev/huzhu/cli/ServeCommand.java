package dev.huzhu.cli;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.indexer.BackgroundIndexer;
import dev.huzhu.indexer.Finality;
import dev.huzhu.web.WebServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import dev.huzhu.chain.Redaction;
import dev.huzhu.cli.options.IndexSource;
import java.io.PrintWriter;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    IndexSource source;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--explorer", paramLabel = "URL",
            description = "block explorer the page links addresses and transactions to (default: Etherscan on Ethereum, Sepolia and Holesky; none on a local chain)")
    String explorer;

    @Option(names = "--no-index", description = "only serve the database; do not follow the chain")
    boolean noIndex;

    @Option(names = "--confirmations", defaultValue = "0", paramLabel = "N", description = "indexer stays N blocks behind the head")
    int confirmations;

    @Option(names = "--keeper", description = "also run the keeper (as in `huzhu keeper`) with --account: finalizes claims whose windows ended")
    boolean keeper;

    @Option(names = "--keeper-interval", defaultValue = "30s", paramLabel = "DURATION", converter = dev.huzhu.cli.options.DurationConverter.class, description = "time between keeper passes (default: ${DEFAULT-VALUE})")
    Long keeperInterval;

    @Mixin
    dev.huzhu.cli.options.AccountOptions account;

    @Option(names = "--store", paramLabel = "DIR", description = "directory of the document store served at /api/documents (default: .huzhu/store/<chainId>)")
    java.nio.file.Path storeDir;

    @Option(names = "--tls", description = "serve over HTTPS only: with a self-signed development certificate (kept in .huzhu/tls/, "
            + "printed with its fingerprint; clients trust it with --store-ca) unless --tls-cert/--tls-key name the operator's")
    boolean tls;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "the operator's certificate chain (PEM) for --tls")
    java.nio.file.Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "the operator's PKCS#8 private key (PEM) for --tls")
    java.nio.file.Path tlsKey;

    @Option(names = "--store-max-bytes", paramLabel = "BYTES", defaultValue = "8388608",
            description = "largest document the store accepts (default: ${DEFAULT-VALUE} = 8 MiB; larger uploads get 413)")
    long storeMaxBytes;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port must be between 0 and 65535, got " + port);
        }
        long keeperEvery = keeperInterval;
        if (keeperEvery < 1) {
            throw new InvalidInputException("--keeper-interval must be at least 1 second, got " + keeperInterval);
        }
        String explorerBase = explorer == null ? null : explorer(); // checked before anything starts
        PrintWriter out = spec.commandLine().getOut();
        // --no-index serves what is in the database: no node needed (after `huzhu demo` the node is gone), unless the keeper needs one
        try (IndexSource.Resolved r = noIndex && !keeper ? source.resolveOffline(Session.of(spec))
                : source.resolve(Session.of(spec), confirmations, Finality.LATEST, source.fromBlock);
             dev.huzhu.keeper.KeeperLoop keeperLoop = keeper ? startKeeper(r, keeperEvery, out) : null;
             BackgroundIndexer indexer = noIndex ? null : new BackgroundIndexer(r.newIndexer(null),
                     e -> LOG.error("the indexer stopped: {}", e.getMessage(), e));
             WebServer server = WebServer.start(r.db(), r.chainId(), host, port, indexer == null ? null : () -> indexer.health().snapshot(),
                     documents(r), explorerBase, tlsIdentity())) {
            out.println("serving chain " + r.chainId() + " from " + Redaction.text(r.db().url()) + (noIndex ? " (not following the chain: --no-index)" : ""));
            out.println("page: " + server.url() + "   (Ctrl-C to stop)");
            if (tlsIdentity != null) {
                out.println("TLS certificate " + tlsIdentity.certificateFile() + " (SHA-256 " + tlsIdentity.fingerprint() + "): clients pass --store-ca "
                        + tlsIdentity.certificateFile());
            }
            out.flush();
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown, "serve-stop"));
            forever.await();
            return ExitCodes.OK;
        }
    }

    private String explorer() {
        try {
            return dev.huzhu.chain.BlockExplorer.parse(explorer);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private dev.huzhu.web.TlsIdentity tlsIdentity;

    /** --tls: the operator's certificate and key, or the development certificate (generated once). */
    private dev.huzhu.web.TlsIdentity tlsIdentity() {
        if (!tls) {
            if (tlsCert != null || tlsKey != null) {
                throw new InvalidInputException("--tls-cert and --tls-key need --tls");
            }
            return null;
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new InvalidInputException("--tls-cert and --tls-key go together");
        }
        tlsIdentity = tlsCert != null ? dev.huzhu.web.TlsIdentity.operator(tlsCert, tlsKey)
                : dev.huzhu.web.TlsIdentity.development(Session.of(spec).projectDir().resolve(".huzhu/tls"), host);
        return tlsIdentity;
    }

    /** The document store: uploads checked against the chain's views (refused when no node is followed). */
    private dev.huzhu.web.DocumentRoutes documents(IndexSource.Resolved r) {
        if (storeMaxBytes < 1) {
            throw new InvalidInputException("--store-max-bytes must be at least 1, got " + storeMaxBytes);
        }
        java.nio.file.Path dir = storeDir != null ? storeDir : Session.of(spec).projectDir().resolve(".huzhu/store/" + r.chainId());
        dev.huzhu.privacy.UploaderCheck check = r.chain() == null
                ? (plan, who) -> java.util.Optional.of("this server follows no chain (--no-index), so it cannot check uploaders")
                : new dev.huzhu.privacy.ChainUploaders(r.chain().web3j(), r.settings().factories(), r.settings().plans(), anonymousReviews(r));
        return new dev.huzhu.web.DocumentRoutes(new dev.huzhu.privacy.DocumentStore(dir, storeMaxBytes), check);
    }

    /** Whether a digest is an anonymous review's hash on chain (unsigned uploads of those texts): the deployment's AnonymousReviews. */
    private java.util.function.Predicate<byte[]> anonymousReviews(IndexSource.Resolved r) {
        var d = new dev.huzhu.protocol.DeploymentBook(source.network.deploymentsDir(Session.of(spec))).read(r.chainId())
                .flatMap(x -> x.contract(dev.huzhu.protocol.Deployment.ANONYMOUS_REVIEWS));
        if (d.isEmpty()) {
            return digest -> false;
        }
        dev.huzhu.zk.AnnouncedReviews reviews = new dev.huzhu.zk.AnnouncedReviews(r.chain().web3j(), d.get().address(), d.get().block());
        return reviews::announced;
    }

    /** The keeper of the followed factory, signing with --account, printing what it sends. */
    private dev.huzhu.keeper.KeeperLoop startKeeper(IndexSource.Resolved r, long every, PrintWriter out) {
        if (r.settings().factories().isEmpty()) {
            throw new InvalidInputException("--keeper needs a factory: run `huzhu deploy` first or pass --factory ADDRESS");
        }
        Session session = Session.of(spec);
        dev.huzhu.keeper.Keeper k = KeeperSetup.keeper(session, r.chain().web3j(), r.chainId(), r.settings().factories().get(0),
                KeeperSetup.signer(session, account, r.chainId()));
        out.println("keeper " + k.address() + ": a pass every " + dev.huzhu.chain.Durations.format(every));
        out.flush();
        return dev.huzhu.keeper.KeeperLoop.start(k, java.time.Duration.ofSeconds(every), rep -> {
            KeeperSetup.print(out, rep);
            out.flush();
        }, e -> LOG.warn("a keeper pass failed: {}", e.getMessage(), e));
    }
}
