package dev.huzhu.indexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.PostgresServer;
import dev.huzhu.indexer.IndexDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * scripts/bench-indexer: loads a fresh local node with protocol-shaped events (EventBurst), then
 * measures in the same run, in rounds (--rounds, default 3): the fetch-only limit (same ranges and decoding, no
 * database) before the first round (after a first pass that warms the node up) and after each, the indexer into SQLite in each round (and PostgreSQL in the first),
 * each pass in a JVM of its own with its peak RSS, the indexer's rate as a share of the mean of the fetch-only passes
 * around it, the goal judged on the median of the rounds; then the naive baseline (per-block polling, one insert and commit per
 * event) on SQLite's defaults and in WAL mode. Checks that every database holds the same tables.
 */
public final class IndexerBench {
    private IndexerBench() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("huzhu.home", ".")).toAbsolutePath().normalize();
        int events = intArg(args, "--events", 50_000);
        int perBlock = intArg(args, "--per-block", 300);
        int members = intArg(args, "--members", Math.max(100, events / 500));
        String which = stringArg(args, "--db", "sqlite");
        int rounds = intArg(args, "--rounds", 3);
        if (rounds < 1) {
            System.err.println("bench-indexer: --rounds must be at least 1, got " + rounds);
            System.exit(2);
        }
        String naiveArg = List.of(args).contains("--no-naive") ? "none" : stringArg(args, "--naive", "both");
        if (!List.of("both", "wal", "none").contains(naiveArg)) {
            System.err.println("bench-indexer: --naive must be both, wal or none, got " + naiveArg);
            System.exit(2);
        }
        boolean naive = !"none".equals(naiveArg);
        String pgOptions = stringArg(args, "--pg-options", "");
        if (!pgOptions.isBlank()) {
            System.setProperty("huzhu.pg.options", pgOptions); // read when the server starts (PostgresServer)
        }
        boolean naivePlain = "both".equals(naiveArg);
        if (!List.of("sqlite", "postgres", "both").contains(which)) {
            System.err.println("bench-indexer: --db must be sqlite, postgres or both, got " + which);
            System.exit(2);
        }
        Path dir = home.resolve("target/bench-indexer");
        Files.createDirectories(dir);
        try (HardhatNode node = HardhatNode.startAttached(home, 0, dir.resolve("node.log"))) {
            System.out.printf("node: %s (Hardhat, chain %d); %s%n", node.rpcUrl(), HardhatNode.CHAIN_ID, load());
            JsonNode gen = emit(home, node.rpcUrl(), events, perBlock, members);
            String contract = gen.get("address").asText();
            long from = gen.get("fromBlock").asLong();
            long to = gen.get("toBlock").asLong();
            long onChain = gen.get("events").asLong();
            System.out.printf("generated %,d events (%d members, %,d payouts) in blocks %d..%d (%d blocks, ~%d events per block) in %.1f s%n",
                    onChain, members, gen.get("payouts").asLong(), from, to, to - from + 1, onChain / Math.max(1, to - from + 1),
                    gen.get("seconds").asDouble());

            // Rounds: the fetch-only pass, then in each round the indexer, then the fetch-only pass again. The host's speed
            // moves by tens of percent within minutes, so each indexer pass is compared with the fetch-only passes right
            // before and after it (their mean), and the goal is judged on the median of the rounds.
            List<Row> passes = new ArrayList<>();
            List<Row> fetches = new ArrayList<>();
            List<String> fetchArgs = List.of("fetch", node.rpcUrl(), contract, Long.toString(from), Long.toString(to));
            // a first fetch-only pass warms the node up (its JavaScript is compiled as it serves): shown, never compared with
            passes.add(child("fetch-only, first pass: warms the node up, not compared", home, fetchArgs, null, 0));
            fetches.add(child("fetch-only limit: same adaptive eth_getLogs ranges + decoding, no database", home, fetchArgs, null, 0));
            passes.add(fetches.get(0));
            String sqliteName = "huzhu index -> SQLite (WAL, one transaction per range)";
            IndexDatabase postgres = null;
            String postgresName = null;
            if (!"sqlite".equals(which)) {
                String url = PostgresServer.shared().createDatabase();
                postgres = IndexDatabase.open(url);
                postgresName = "huzhu index -> PostgreSQL " + postgresVersion(url) + " (batched, one transaction per range)";
            }
            boolean statements = System.getenv("BENCH_PG_STATEMENTS") != null; // needs --pg-options "-c shared_preload_libraries=pg_stat_statements"
            List<Row> rows = new ArrayList<>();
            Row lastSqlite = null;
            for (int round = 1; round <= rounds; round++) {
                if (!"postgres".equals(which)) {
                    IndexDatabase sqlite = freshDb(dir.resolve("indexer-" + events + ".db")); // the last round's file stays
                    lastSqlite = child(sqliteName, home, indexArgs(node.rpcUrl(), contract, from, to, sqlite), sqlite, round);
                    rows.add(lastSqlite);
                    passes.add(lastSqlite);
                }
                if (postgres != null && round == 1) { // one PostgreSQL pass (no goal; a 500k pass lasts a minute)
                    if (statements) {
                        sql(postgres, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA public", "SELECT public.pg_stat_statements_reset()");
                    }
                    Row pg = child(postgresName, home, indexArgs(node.rpcUrl(), contract, from, to, postgres), postgres, round);
                    rows.add(pg);
                    passes.add(pg);
                    if (statements) {
                        printStatements(postgres);
                    }
                }
                Row f = child("fetch-only limit, after round " + round, home, fetchArgs, null, round);
                fetches.add(f);
                passes.add(f);
            }
            double limitRate = median(fetches.stream().mapToDouble(Row::rate).toArray());

            Naive plain = null;
            Naive wal = null;
            if (naive) {
                try (ChainSource source = new ChainSource(node.rpcUrl())) {
                    long chainId = source.chainId();
                    plain = naivePlain ? naive(source, chainId, dir.resolve("naive.db"), "DELETE", contract, from, to) : null;
                    wal = naive(source, chainId, dir.resolve("naive-wal.db"), "WAL", contract, from, to);
                }
            }

            System.out.println();
            System.out.printf("%-88s %10s %9s %10s %9s %9s %18s %7s %19s%n", "pass", "events", "seconds", "events/s", "of limit", "peak RSS",
                    "CPU us/event", "waited", "RSS by quarter, MB");
            for (Row r : passes) {
                String share = r.db() == null ? "" : String.format("%.0f%%", 100 * r.rate() / around(fetches, r.round()));
                System.out.printf("%-88s %,10d %9.2f %,10.0f %9s %6d MB %18s %7s %19s%n", (r.db() == null ? "" : "round " + r.round() + ": ") + r.name(),
                        r.events(), r.seconds(), r.rate(), share, r.rssKb() / 1024, cpu(r), r.db() == null ? "" : String.format("%.2fs", r.waited()),
                        r.rssQuarters());
            }
            System.out.printf("(of limit: the indexer's rate against the mean of the fetch-only passes right before and after it; the fetch-only"
                    + " rate, median of the passes after the node's warm-up: %,.0f ev/s.%n", limitRate);
            System.out.println(" CPU us/event: the JVM's whole CPU time (fetching thread, writer, JIT compilers, GC) / the writer's thread alone;"
                    + " the fetch-only pass has no writer; + the PostgreSQL server's processes. waited: how long the writer waited for the ranges fetched ahead. RSS by quarter:"
                    + " the most resident memory in each quarter of the pass. " + load()
                    + (System.getenv("BENCH_WARMUP") != null ? ". BENCH_WARMUP: each pass ran after an unmeasured one over the same blocks in its JVM (compiled code; the RSS includes both)" : "")
                    + ")");
            Row lastSqliteRow = lastSqlite;
            List<Row> kept = rows.stream().filter(r -> r == lastSqliteRow || !r.db().isSqlite()) // the databases still there, SQLite first
                    .sorted(java.util.Comparator.comparing((Row r) -> !r.db().isSqlite())).toList();
            for (Row r : kept) {
                long bytes = size(r.db());
                System.out.printf("database size after %s: %,d MB (%,d bytes per event)%n", r.name().replaceAll(" \\(.*", ""), bytes >> 20,
                        bytes / Math.max(1, r.events()));
            }
            if (plain != null) {
                System.out.printf("%-88s %,10d %9.2f %,10.0f%n", "naive baseline: per-block polling, commit per event (SQLite defaults)",
                        plain.count(), plain.seconds(), plain.rate());
            }
            if (naive) {
                System.out.printf("%-88s %,10d %9.2f %,10.0f%n", "naive baseline, same but the file in WAL mode", wal.count(), wal.seconds(), wal.rate());
            }
            for (String name : rows.stream().map(Row::name).distinct().toList()) {
                List<Row> of = rows.stream().filter(r -> r.name().equals(name)).toList();
                double[] shares = of.stream().mapToDouble(r -> r.rate() / around(fetches, r.round())).toArray();
                double share = median(shares);
                double rate = median(of.stream().mapToDouble(Row::rate).toArray());
                boolean sqlite = of.get(0).db().isSqlite();
                System.out.printf("%s: %.0f%% of the fetch-only limit (%s; goal for SQLite >= 80%%: %s)", name.replaceAll(" \\(.*", ""), 100 * share,
                        of.size() == 1 ? "one round" : "median of " + of.size() + " rounds: " + String.join(", ",
                                java.util.Arrays.stream(shares).mapToObj(x -> String.format("%.0f%%", 100 * x)).toList()),
                        !sqlite ? "no goal" : share >= 0.8 ? "met" : "NOT met");
                if (naive) {
                    double vsWal = rate / wal.rate();
                    if (plain != null) {
                        System.out.printf("; %.1fx the naive baseline", rate / plain.rate());
                    }
                    System.out.printf("; %.1fx the naive baseline in WAL mode (goal for SQLite >= 10x: %s)", vsWal,
                            !sqlite ? "no goal" : vsWal >= 10 ? "met" : "NOT met");
                }
                System.out.println();
            }
            String reference = dump(kept.get(0).db());
            boolean same = passes.stream().filter(p -> p.db() == null).allMatch(f -> f.events() == onChain) && rows.stream().allMatch(r -> r.events() == onChain);
            for (Row r : kept) {
                same &= reference.equals(dump(r.db()));
            }
            if (naive) {
                same &= wal.count() == onChain && reference.equals(dump(wal.db()))
                        && (plain == null || plain.count() == onChain && reference.equals(dump(plain.db())));
            }
            System.out.println(same ? "check: every database holds every event on chain, with identical tables; fetch-only decoded them all"
                    : "check FAILED: the databases differ from each other or from the " + onChain + " events on chain (fetch-only: "
                    + fetches.stream().map(f -> Long.toString(f.events())).toList() + ", indexer passes: "
                    + rows.stream().map(r -> Long.toString(r.events())).toList() + ")");
            if (!same) {
                for (Row r : kept) {
                    System.out.println("  " + r.name() + ": " + dump(r.db()));
                }
                if (naive) {
                    System.out.println("  naive: " + (plain == null ? "not run" : dump(plain.db())) + "\n  naive WAL: " + dump(wal.db()));
                }
                System.exit(1);
            }
        }
    }

    /** The mean rate of the fetch-only passes right before and after round {@code round}'s indexer passes. */
    private static double around(List<Row> fetches, int round) {
        return (fetches.get(round - 1).rate() + fetches.get(round).rate()) / 2;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static List<String> indexArgs(String rpc, String contract, long from, long to, IndexDatabase db) {
        return List.of("index", rpc, contract, Long.toString(from), Long.toString(to), db.url());
    }

    /** One pass: its events, wall seconds, peak RSS, and the CPU seconds of its main thread (the writer) and of its whole JVM. */
    private record Row(String name, long events, double seconds, long rssKb, IndexDatabase db, double mainCpu, double jvmCpu, double waited,
                       String rssQuarters, double serverCpu, int round) {
        double rate() {
            return events / seconds;
        }
    }

    private static int passes;

    /** One measured pass in a JVM of its own. */
    private static Row child(String name, Path home, List<String> args, IndexDatabase db, int round) throws Exception {
        // the JVM options of `huzhu index` / `huzhu serve` in the launcher (a bounded heap), so that the peak RSS is theirs
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + home.resolve("scripts/lib/jvm-long-running.args")));
        String extra = System.getenv("BENCH_CHILD_OPTS"); // e.g. -XX:StartFlightRecording=filename=x.jfr (profiling a pass)
        if (extra != null && !extra.isBlank()) {
            for (String o : extra.trim().split("\\s+")) {
                cmd.add(o.replace("%n", Integer.toString(++passes))); // %n: the pass's number (a file of its own)
            }
        }
        cmd.addAll(List.of("-Dhuzhu.home=" + home, "-cp", System.getProperty("java.class.path"), IndexRun.class.getName()));
        cmd.addAll(args);
        long server0 = db != null && !db.isSqlite() ? postgresCpuTicks() : 0;
        Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(name + " failed: " + out);
        }
        double serverCpu = db != null && !db.isSqlite() ? (postgresCpuTicks() - server0) / 100.0 : 0;
        String[] f = out.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        long events = db == null ? Long.parseLong(f[0]) : count(db, "events");
        return new Row(name, events, Double.parseDouble(f[1]), Long.parseLong(f[2]), db, Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                Double.parseDouble(f[5]), f[6], serverCpu, round);
    }

    private static void sql(IndexDatabase db, String... statements) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    /** The statements PostgreSQL spent the most time on during the pass (BENCH_PG_STATEMENTS: where a pass's server time goes). */
    private static void printStatements(IndexDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT calls, round(total_exec_time::numeric, 0), rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM public.pg_stat_statements "
                        + "ORDER BY total_exec_time DESC LIMIT 12")) {
            System.out.println("PostgreSQL statements by total time (calls, ms, rows, statement):");
            while (rs.next()) {
                System.out.printf("  %,9d %,8d ms %,9d  %s%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
            }
        }
    }

    /** "jvm / writer" microseconds of CPU per event, and "+ server" for PostgreSQL's processes. */
    private static String cpu(Row r) {
        double perEvent = 1e6 / Math.max(1, r.events());
        return r.db() == null ? String.format("%.0f", r.jvmCpu() * perEvent)
                : String.format("%.0f / %.0f", r.jvmCpu() * perEvent, r.mainCpu() * perEvent)
                + (r.serverCpu() > 0 ? String.format(" + %.0f", r.serverCpu() * perEvent) : "");
    }

    /**
     * The CPU time (user + system, in clock ticks of 1/100 s) of every process named postgres, with that of their ended
     * children: the server the benchmark started.
     */
    private static long postgresCpuTicks() throws IOException {
        long total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // its own time and its ended children's (a backend's time reaches the postmaster when it ends)
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return total;
    }

    /** The database's size on disk: the SQLite file with its WAL, or pg_database_size. */
    private static long size(IndexDatabase db) throws Exception {
        if (db.isSqlite()) {
            Path file = Path.of(db.url().substring("jdbc:sqlite:".length()));
            long total = 0;
            for (String suffix : List.of("", "-wal")) {
                Path p = Path.of(file + suffix);
                total += Files.exists(p) ? Files.size(p) : 0;
            }
            return total;
        }
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String postgresVersion(String url) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).replaceAll(" .*", "");
        }
    }

    private static String load() {
        return String.format("load average %.2f on %d cores", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
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

    /** Generates {@code events}: 90% deposits, contributions and points over {@code members} members, 10% claims submitted and paid. */
    private static JsonNode emit(Path home, String rpc, int events, int perBlock, int members) throws IOException, InterruptedException {
        int payouts = events / 20;
        Process p = new ProcessBuilder("node", "scripts/lib/bench/emit-events.js", "--rpc", rpc, "--events", Integer.toString(events - 2 * payouts),
                "--payouts", Integer.toString(payouts), "--members", Integer.toString(members),
                "--per-tx", Integer.toString(perBlock), "--txs-per-block", "1")
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

    /** A digest of the data tables, row by row in a fixed order (the bookkeeping tables differ by design), with row counts. */
    static String dump(IndexDatabase db) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        StringBuilder counts = new StringBuilder();
        try (Connection c = db.connect()) {
            for (String t : List.of("events", "members", "deposits", "contributions", "claims", "payouts", "points")) {
                long rows = 0;
                java.security.MessageDigest table = java.security.MessageDigest.getInstance("SHA-256");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + t + ("events".equals(t) ? " ORDER BY 1, 2, 5" : " ORDER BY 1, 2, 3, 4"))) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(t);
                        for (int i = 1; i <= n; i++) {
                            row.append('|').append(normal(rs.getString(i)));
                        }
                        byte[] bytes = row.append('\n').toString().getBytes(StandardCharsets.UTF_8);
                        sha.update(bytes);
                        table.update(bytes);
                        rows++;
                    }
                }
                counts.append(t).append('=').append(rows).append('/').append(java.util.HexFormat.of().formatHex(table.digest()), 0, 8).append(' ');
            }
        }
        return counts + java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** Numbers as exact plain decimals, so that SQLite's and PostgreSQL's spellings compare equal. */
    private static String normal(String v) {
        if (v == null || v.startsWith("0x") || !v.matches("-?[0-9.]+(E[0-9]+)?")) {
            return v;
        }
        return new java.math.BigDecimal(v).stripTrailingZeros().toPlainString();
    }

    private static String stringArg(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    System.err.println("bench-indexer: " + name + " must be a whole number, got " + args[i + 1]);
                    System.exit(2);
                }
            }
        }
        return dflt;
    }
}
