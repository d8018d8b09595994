package dev.huzhu.web.bench;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.demo.DemoScenario;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import dev.huzhu.web.WebServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scripts/bench-api: the JSON API under concurrent clients, in one run against one server.
 * <ul>
 *   <li>Without {@code --db}: runs the demo scenario on a fresh local node and indexes it (the demo database).</li>
 *   <li>Page users: N clients, each requesting the mix (plan list, a plan's page, a member's records, the payout
 *       feed) one after another with a think time between requests; p50/p99 at 10 and at 200 clients.</li>
 *   <li>Saturation: the same clients without think time (req/s at 10 and 200 clients: the throughput must not collapse).</li>
 *   <li>With several {@code --db}: per endpoint p50/p99 of sequential requests on each database, and the ratio to the first.</li>
 * </ul>
 */
public final class ApiBench {
    private ApiBench() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("huzhu.home", ".")).toAbsolutePath().normalize();
        Args a = new Args(args);
        Path dir = home.resolve("target/bench-api");
        Files.createDirectories(dir);
        List<String> dbs = a.all("--db");
        if (dbs.isEmpty()) {
            dbs = List.of(demoDatabase(home, dir));
        }
        if (dbs.size() == 1) {
            underLoad(dbs.get(0), a);
        } else {
            asTheIndexGrows(dbs, a.integer("--requests", 300));
        }
    }

    /** p99 of page users at 10 and 200 clients, and the saturated throughput, against one server. */
    private static void underLoad(String url, Args a) throws Exception {
        double seconds = a.decimal("--seconds", 15);
        double think = a.decimal("--think", 1.0);
        int few = a.integer("--few", 10);
        int many = a.integer("--many", 200);
        IndexDatabase db = IndexDatabase.open(url);
        Target t = Target.of(db);
        try (WebServer server = WebServer.start(db, t.chainId(), "127.0.0.1", 0)) {
            List<String> mix = t.mix(server.url());
            System.out.printf("API under load: %s (%,d events, %d plans, %,d payouts), Javalin/Jetty, %s%n", url, t.events(), t.plans(),
                    t.payouts(), load());
            System.out.println("mix: " + String.join(", ", mix.stream().map(u -> u.substring(server.url().length() - 1)).toList()));
            Load.run(mix, few, 0, Math.min(5, seconds)); // warm-up (JIT, pools)
            System.out.printf("%-34s %8s %7s %9s %8s %8s %8s %8s %7s%n", "phase", "clients", "think", "requests", "req/s", "p50 ms", "p99 ms",
                    "max ms", "errors");
            Load.Result fewUsers = print("page users", few, think, Load.run(mix, few, think, seconds));
            Load.Result manyUsers = print("page users", many, think, Load.run(mix, many, think, seconds));
            Load.Result fewSat = print("saturation (no think time)", few, 0, Load.run(mix, few, 0, seconds));
            Load.Result manySat = print("saturation (no think time)", many, 0, Load.run(mix, many, 0, seconds));
            double ratio = manyUsers.p99() / fewUsers.p99();
            System.out.printf("p99 at %d page users / p99 at %d: %.2fx   goal <= 3x -> %s%n", many, few, ratio, ratio <= 3 ? "met" : "NOT met");
            System.out.printf("saturated throughput at %d clients / at %d: %.2fx (p99 %.0f ms at %d clients = %.1f x the mean service time"
                    + " %.1f ms x clients: fair queueing, no collapse)%n", many, few, manySat.rate() / fewSat.rate(), manySat.p99(), many,
                    manySat.p99() / (1000.0 * many / manySat.rate()), 1000.0 / manySat.rate());
            long errors = fewUsers.errors() + manyUsers.errors() + fewSat.errors() + manySat.errors();
            if (errors > 0) {
                System.out.println("check FAILED: " + errors + " requests did not get a 200");
                System.exit(1);
            }
        }
    }

    private static Load.Result print(String phase, int clients, double think, Load.Result r) {
        System.out.printf("%-34s %8d %6.1fs %,9d %,8.0f %8.1f %8.1f %8.1f %7d%n", phase, clients, think, r.count(), r.rate(), r.p50(), r.p99(),
                r.max(), r.errors());
        return r;
    }

    /** Per endpoint p50/p99 of sequential requests on each database, each against its own server, in one run. */
    private static void asTheIndexGrows(List<String> urls, int requests) throws Exception {
        System.out.printf("API as the index grows: %d sequential requests per endpoint and database, %s%n", requests, load());
        Map<String, double[]> first = new LinkedHashMap<>();
        for (String url : urls) {
            IndexDatabase db = IndexDatabase.open(url);
            Target t = Target.of(db);
            try (WebServer server = WebServer.start(db, t.chainId(), "127.0.0.1", 0)) {
                System.out.printf("%n%s: %,d events, %d plans, %,d payouts, %,d member rows of %s%n", url, t.events(), t.plans(), t.payouts(),
                        t.memberRows(), t.member());
                System.out.printf("  %-44s %8s %8s %10s%n", "endpoint", "p50 ms", "p99 ms", "vs first");
                for (String u : t.mix(server.url())) {
                    String name = u.substring(server.url().length() - 1).replaceAll("0x[0-9a-f]{40}", "{address}");
                    Load.run(List.of(u), 1, 0, 1); // warm-up
                    Load.Result r = Load.sequential(u, requests);
                    double[] base = first.putIfAbsent(name, new double[] {r.p50(), r.p99()});
                    String vs = base == null ? "" : String.format("%.2fx/%.2fx", r.p50() / base[0], r.p99() / base[1]);
                    System.out.printf("  %-44s %8.2f %8.2f %10s%n", name, r.p50(), r.p99(), vs);
                }
            }
        }
        System.out.println("(vs first = p50 ratio / p99 ratio to the first database; goal at 10x the events: <= 2x)");
    }

    /** The demo scenario on a fresh local node, indexed into target/bench-api/demo.db. */
    private static String demoDatabase(Path home, Path dir) throws Exception {
        Path file = dir.resolve("demo.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        String url = "jdbc:sqlite:" + file;
        try (HardhatNode node = HardhatNode.startAttached(home, 0, dir.resolve("node.log"));
             ChainConnection chain = ChainConnection.open(node.rpcUrl());
             ChainSource source = new ChainSource(node.rpcUrl())) {
            DemoScenario.Outcome o = new DemoScenario(chain, DemoScenario.Cast.of(DevAccounts.first(10)),
                    new PrintStream(OutputStream.nullOutputStream())).run();
            IndexerSettings s = IndexerSettings.of(List.of(o.factoryAddress()), List.of(), 0, 0, Finality.LATEST);
            try (Indexer indexer = new Indexer(IndexDatabase.open(url), source, chain.chainId(), s, EventDecoder.packaged(), null)) {
                indexer.run(true, () -> false);
            }
        }
        return url;
    }

    private static String load() {
        return String.format("load average %.2f on %d cores", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** What to ask for: the busiest plan, the member with most records, the chain. */
    record Target(long chainId, long events, long plans, long payouts, String plan, String member, long memberRows) {
        static Target of(IndexDatabase db) throws Exception {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                long chainId = one(s, "SELECT chain_id FROM sync_cursor").longValue();
                String plan = text(s, "SELECT address FROM plans ORDER BY members_total DESC, address LIMIT 1");
                String member = text(s, "SELECT member FROM members ORDER BY member LIMIT 1");
                String busiest = text(s, "SELECT member FROM deposits GROUP BY member ORDER BY COUNT(*) DESC, member LIMIT 1");
                member = busiest != null ? busiest : member;
                long rows = member == null ? 0 : one(s, "SELECT COUNT(*) FROM deposits WHERE member = '" + member + "'").longValue()
                        + one(s, "SELECT COUNT(*) FROM contributions WHERE member = '" + member + "'").longValue()
                        + one(s, "SELECT COUNT(*) FROM points WHERE account = '" + member + "'").longValue();
                return new Target(chainId, one(s, "SELECT COUNT(*) FROM events").longValue(), one(s, "SELECT COUNT(*) FROM plans").longValue(),
                        one(s, "SELECT COUNT(*) FROM payouts").longValue(), plan, member, rows);
            }
        }

        List<String> mix(String base) {
            List<String> m = new ArrayList<>();
            m.add(base + "api/plans?sort=reserve&order=desc");
            if (plan != null) {
                m.add(base + "api/plans/" + plan);
            }
            if (member != null) {
                m.add(base + "api/members/" + member + "/records");
            }
            m.add(base + "api/payouts?limit=50");
            return m;
        }

        private static Number one(Statement s, String sql) throws Exception {
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return (Number) rs.getObject(1);
            }
        }

        private static String text(Statement s, String sql) throws Exception {
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Command-line options: repeatable {@code --name value}. */
    private record Args(String[] args) {
        List<String> all(String name) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals(name)) {
                    out.add(args[i + 1].startsWith("jdbc:") ? args[i + 1] : "jdbc:sqlite:" + Path.of(args[i + 1]).toAbsolutePath());
                }
            }
            return out;
        }

        String one(String name) {
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals(name)) {
                    return args[i + 1];
                }
            }
            return null;
        }

        int integer(String name, int dflt) {
            String v = one(name);
            return v == null ? dflt : Integer.parseInt(v);
        }

        double decimal(String name, double dflt) {
            String v = one(name);
            return v == null ? dflt : Double.parseDouble(v);
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
    }

    static boolean ok(HttpResponse<?> r) {
        return r.statusCode() == 200;
    }
}
