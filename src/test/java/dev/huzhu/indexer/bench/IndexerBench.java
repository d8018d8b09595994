package dev.huzhu.indexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * scripts/bench-indexer: loads a fresh local node with protocol-shaped events (EventBurst), then
 * measures, in the same run and into SQLite, the indexer's ingest rate against the naive baseline
 * (per-block polling, one insert and commit per event). Prints events/s of both and the ratio.
 */
public final class IndexerBench {
    private IndexerBench() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("huzhu.home", ".")).toAbsolutePath().normalize();
        int events = intArg(args, "--events", 50_000);
        int perBlock = intArg(args, "--per-block", 300);
        Path dir = home.resolve("target/bench-indexer");
        Files.createDirectories(dir);
        try (HardhatNode node = HardhatNode.startAttached(home, 0, dir.resolve("node.log"))) {
            System.out.printf("node: %s (Hardhat, chain %d)%n", node.rpcUrl(), HardhatNode.CHAIN_ID);
            JsonNode gen = emit(home, node.rpcUrl(), events, perBlock);
            String contract = gen.get("address").asText();
            long from = gen.get("fromBlock").asLong();
            long to = gen.get("toBlock").asLong();
            long onChain = gen.get("events").asLong();
            System.out.printf("generated %,d events in blocks %d..%d (%d blocks, ~%d events per block) in %.1f s%n",
                    onChain, from, to, to - from + 1, onChain / Math.max(1, to - from + 1), gen.get("seconds").asDouble());

            try (ChainSource source = new ChainSource(node.rpcUrl())) {
                long chainId = source.chainId();
                IndexDatabase fast = freshDb(dir.resolve("indexer.db"));
                IndexerSettings settings = IndexerSettings.of(List.of(), List.of(contract), from, 0, Finality.LATEST);
                long t0 = System.nanoTime();
                try (Indexer indexer = new Indexer(fast, source, chainId, settings, EventDecoder.packaged(), null)) {
                    indexer.run(true, () -> false);
                }
                double indexerSeconds = (System.nanoTime() - t0) / 1e9;
                long indexed = count(fast, "events");

                Naive plain = naive(source, chainId, dir.resolve("naive.db"), "DELETE", contract, from, to);
                Naive wal = naive(source, chainId, dir.resolve("naive-wal.db"), "WAL", contract, from, to);

                double fastRate = indexed / indexerSeconds;
                System.out.println();
                System.out.printf("%-66s %10s %9s %12s%n", "into SQLite", "events", "seconds", "events/s");
                System.out.printf("%-66s %,10d %9.2f %,12.0f%n", "huzhu index (adaptive batched eth_getLogs, one tx per range, WAL)",
                        indexed, indexerSeconds, fastRate);
                System.out.printf("%-66s %,10d %9.2f %,12.0f%n", "naive baseline: per-block polling, commit per event (SQLite defaults)",
                        plain.count(), plain.seconds(), plain.rate());
                System.out.printf("%-66s %,10d %9.2f %,12.0f%n", "naive baseline, same but the file in WAL mode",
                        wal.count(), wal.seconds(), wal.rate());
                double ratio = fastRate / plain.rate();
                System.out.printf("ratio: %.1fx the naive baseline (%.1fx its WAL variant)   goal: >= 10x and >= 5,000 events/s -> %s%n",
                        ratio, fastRate / wal.rate(), ratio >= 10 && fastRate >= 5000 ? "met" : "NOT met");
                String reference = dump(fast);
                boolean same = indexed == onChain && plain.count() == onChain && wal.count() == onChain
                        && reference.equals(dump(plain.db())) && reference.equals(dump(wal.db()));
                System.out.println(same ? "check: all three databases hold every event on chain, with identical tables"
                        : "check FAILED: indexer " + indexed + ", baselines " + plain.count() + " / " + wal.count() + ", on chain " + onChain);
                if (!same) {
                    System.exit(1);
                }
            }
        }
    }

    private record Naive(IndexDatabase db, long count, double seconds) {
        double rate() {
            return count / seconds;
        }
    }

    /** The naive baseline into a fresh file whose journal mode is {@code journalMode} (SQLite's default is DELETE). */
    private static Naive naive(ChainSource source, long chainId, Path file, String journalMode, String contract, long from, long to)
            throws Exception {
        IndexDatabase db = freshDb(file);
        try (Connection c = java.sql.DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=" + journalMode);
        }
        long t = System.nanoTime();
        NaiveIndexer.run(source, chainId, db.url(), contract, from, to);
        double seconds = (System.nanoTime() - t) / 1e9;
        return new Naive(db, count(db, "events"), seconds);
    }

    private static JsonNode emit(Path home, String rpc, int events, int perBlock) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "scripts/lib/bench/emit-events.js", "--rpc", rpc, "--events", Integer.toString(events),
                "--per-tx", Integer.toString(perBlock / 2), "--txs-per-block", "2")
                .directory(home.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("emit-events.js failed");
        }
        return new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    private static IndexDatabase freshDb(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        return IndexDatabase.open("jdbc:sqlite:" + file);
    }

    private static long count(IndexDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The data tables, row by row in a fixed order (the bookkeeping tables differ by design). */
    static String dump(IndexDatabase db) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = db.connect()) {
            for (String t : List.of("events", "members", "deposits", "contributions", "claims", "payouts", "points")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t + " ORDER BY 1, 2, 3, 4")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        sb.append(t);
                        for (int i = 1; i <= n; i++) {
                            sb.append('|').append(rs.getString(i));
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }
}
