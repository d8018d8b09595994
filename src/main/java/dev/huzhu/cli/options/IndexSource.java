package dev.huzhu.cli.options;

import dev.huzhu.chain.NetworkProfile;
import dev.huzhu.chain.Redaction;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.UserError;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerException;
import dev.huzhu.indexer.IndexerSettings;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.DeploymentBook;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.protocol.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where index, watch and serve read (the one {@link NetworkOptions}: --network, --rpc-url,
 * --networks-file, --deployments-dir, $HUZHU_NETWORK, $HUZHU_RPC_URL, $HUZHU_CONFIG_DIR, and the
 * chain-id check) and where they write (--db).
 */
public final class IndexSource {
    @Mixin
    public NetworkOptions network;

    @Option(names = "--db", paramLabel = "URL", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB (default: .huzhu/index/<chainId>-<genesis>.db)")
    String db;

    @Option(names = "--factory", paramLabel = "ADDRESS", description = "factory to follow (default: from deployments/<chainId>.json)")
    List<String> factories = new ArrayList<>();

    @Option(names = "--plan", paramLabel = "ADDRESS", description = "also follow this plan contract directly")
    public List<String> plans = new ArrayList<>();

    @Option(names = "--from-block", paramLabel = "N", description = "first block to index (default: the deployment block)")
    public Long fromBlock;

    /** A connected chain and database, ready to index. */
    public record Resolved(String rpcUrl, long chainId, ChainSource chain, IndexDatabase db, IndexerSettings settings) implements AutoCloseable {
        public Resolved withMaxRange(long max) {
            return new Resolved(rpcUrl, chainId, chain, db, settings.withMaxRange(max));
        }

        public Indexer newIndexer(Indexer.Listener listener) throws java.sql.SQLException {
            return new Indexer(db, chain, chainId, settings, EventDecoder.packaged(), listener);
        }

        @Override
        public void close() {
            if (chain != null) {
                chain.close();
            }
        }
    }

    /**
     * The database alone, without a node (serve --no-index): the chain id is the network's (no node is
     * asked), the database --db or else this chain's newest index under .huzhu/index (or the demo's). Nothing
     * here can follow the chain: {@link Resolved#chain()} is null.
     */
    public Resolved resolveOffline(Session session) {
        NetworkProfile profile = network.profile(session);
        long chainId = profile.chainId();
        String dbUrl = db != null ? db : newestIndex(session, chainId).orElseThrow(() -> new InvalidInputException("no index database for chain "
                + chainId + " in " + session.projectDir().resolve(".huzhu/index") + ": run `huzhu index` first, or pass --db URL"));
        IndexDatabase database;
        try {
            database = IndexDatabase.open(dbUrl);
        } catch (IndexerException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
        return new Resolved(profile.rpcUrl(), chainId, null, database, IndexerSettings.of(List.of(), List.of(), 0, 0, Finality.LATEST));
    }

    /**
     * The deployment's TrancheEscrow: {@code trancheEscrow()} asked of the extension (its fallback runs the housekeeping
     * code that deployed the escrow); empty for deployments made before the escrow existed.
     */
    private static Optional<String> trancheEscrow(ChainSource chain, String extension) {
        try {
            String a = dev.huzhu.contracts.AidPoolHousekeeping.load(extension, chain.web3j(),
                    new org.web3j.tx.ReadonlyTransactionManager(chain.web3j(), extension), new org.web3j.tx.gas.DefaultGasProvider())
                    .trancheEscrow().send();
            return a == null || a.matches("0x0{40}") ? Optional.empty() : Optional.of(a.toLowerCase(Locale.ROOT));
        } catch (org.web3j.tx.exceptions.ContractCallException e) {
            return Optional.empty(); // an older deployment: no escrow to follow
        } catch (Exception e) {
            throw new UserError(ExitCodes.NETWORK, "cannot read the tranche escrow of " + extension + ": " + e.getMessage());
        }
    }

    /** The most recently written index of {@code chainId}: .huzhu/index/index-<chainId>-<genesis>.db files, then the demo's. */
    private static Optional<String> newestIndex(Session session, long chainId) {
        java.nio.file.Path dir = session.projectDir().resolve(".huzhu/index");
        List<java.nio.file.Path> found = new ArrayList<>();
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var files = java.nio.file.Files.newDirectoryStream(dir, "index-" + chainId + "-*.db")) {
                files.forEach(found::add);
            } catch (java.io.IOException e) {
                throw new InvalidInputException("cannot list " + dir + ": " + e.getMessage());
            }
        }
        java.nio.file.Path demo = session.projectDir().resolve(".huzhu/demo/index.db");
        if (found.isEmpty() && chainId == 31337 && java.nio.file.Files.isRegularFile(demo)) {
            found.add(demo);
        }
        return found.stream().max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified()))
                .map(p -> "jdbc:sqlite:" + p.toAbsolutePath());
    }

    /** Connects (checking the node's chain id against the network's), reads the address book, opens the database. */
    public Resolved resolve(Session session, int confirmations, Finality finality, Long firstBlock) {
        List<String> fs = new ArrayList<>();
        for (String a : factories) {
            fs.add(Address.parse(a, "--factory").toString().toLowerCase(Locale.ROOT));
        }
        List<String> ps = new ArrayList<>();
        for (String a : plans) {
            ps.add(Address.parse(a, "--plan").toString().toLowerCase(Locale.ROOT));
        }
        NetworkProfile profile = network.profile(session);
        ChainSource chain = new ChainSource(profile.rpcUrl());
        try {
            long chainId;
            String genesis;
            try {
                chainId = chain.chainId();
                genesis = chain.header(0).hash();
            } catch (RuntimeException e) {
                throw new UserError(ExitCodes.NETWORK, dev.huzhu.chain.RpcFailure.describe(profile.rpcUrl(), e)
                        + " (network '" + profile.name() + "')");
            }
            if (chainId != profile.chainId()) {
                throw new UserError(ExitCodes.NETWORK, "the node at " + Redaction.url(profile.rpcUrl()) + " serves chain id " + chainId
                        + ", but network '" + profile.name() + "' is chain id " + profile.chainId() + "; check --network and --rpc-url");
            }
            long from = firstBlock == null ? 0 : firstBlock;
            if (fs.isEmpty()) {
                DeploymentBook book = new DeploymentBook(network.deploymentsDir(session));
                Optional<Deployment> d = book.read(chainId);
                if (d.isEmpty() && ps.isEmpty()) {
                    throw new InvalidInputException("no " + book.file(chainId) + ": run `huzhu deploy` first, or pass --factory ADDRESS --from-block N");
                }
                if (d.isPresent()) {
                    fs.add(d.get().address(Deployment.FACTORY).toLowerCase(Locale.ROOT));
                    // the zero-knowledge contracts' events name their plan like a factory's: followed the same way
                    // the scenario factories: each created-clone event (a campaign, a matching round, a group purchase,
                    // a parametric plan) names the clone, followed like a plan (indexer.CloneCreations)
                    for (String zk : List.of(Deployment.MEMBER_COMMITMENTS, Deployment.ANONYMOUS_REVIEWS, Deployment.RELIEF_FACTORY,
                            Deployment.GROUP_FACTORY, Deployment.PARAMETRIC_FACTORY)) {
                        d.get().contract(zk).ifPresent(c -> fs.add(c.address().toLowerCase(Locale.ROOT)));
                    }
                    // EDUCATION schedules: the tranche escrow (deployed by the plans' housekeeping code) names its plan in each event
                    d.get().contract(Deployment.POOL_EXTENSION).flatMap(x -> trancheEscrow(chain, x.address())).ifPresent(fs::add);
                    from = firstBlock == null ? d.get().firstBlock() : firstBlock;
                }
            }
            String dbUrl = db != null ? db
                    : IndexDatabase.defaultUrl(session.projectDir().resolve(".huzhu/index"), chainId).replace(".db", "-" + genesis.substring(2, 10) + ".db");
            IndexDatabase database;
            try {
                database = IndexDatabase.open(dbUrl);
            } catch (IndexerException e) {
                throw new UserError(ExitCodes.USAGE, e.getMessage());
            }
            IndexerSettings settings = IndexerSettings.of(fs, ps, from, confirmations, finality);
            return new Resolved(profile.rpcUrl(), chainId, chain, database, firstBlock == null ? settings : settings.withFromBlockGiven());
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }
}
