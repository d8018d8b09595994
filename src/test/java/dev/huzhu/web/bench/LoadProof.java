package dev.huzhu.web.bench;

import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.web.WebServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 11's load proof, by hand: {@code java … LoadProof jdbc:sqlite:FILE [seconds]} serves FILE (no node)
 * and runs 200 clients without think time, then 200 page users (1 s think time), over every list endpoint
 * (plans, claims, payouts, a plan, the busiest member's records, stats, status) and the page; prints
 * requests, errors, p50/p99. The database is made by hand (docs/indexer.md "Load proof").
 */
public final class LoadProof {
    private LoadProof() {}

    public static void main(String[] args) throws Exception {
        IndexDatabase db = IndexDatabase.open(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        String plan;
        String member;
        long events;
        long claims;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT plan, claimant, COUNT(*) FROM claims GROUP BY plan, claimant ORDER BY COUNT(*) DESC LIMIT 1")) {
                r.next();
                plan = r.getString(1);
                member = r.getString(2);
            }
            try (ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM claims)")) {
                r.next();
                events = r.getLong(1);
                claims = r.getLong(2);
            }
        }
        try (WebServer server = WebServer.start(db, 31337, "127.0.0.1", 0)) {
            String base = server.url();
            List<String> mix = new ArrayList<>(List.of(base, base + "app.js", base + "api/plans", base + "api/claims", base + "api/claims?limit=500",
                    base + "api/payouts", base + "api/plans/" + plan, base + "api/members/" + member + "/records",
                    base + "api/members/" + member + "/records?limit=500&offset=1000", base + "api/stats", base + "api/status"));
            System.out.printf("%s: %,d events, %,d claims; busiest member %s%n", args[0], events, claims, member);
            Load.run(mix, 10, 0, 5); // warm-up
            for (double think : new double[] {0, 1.0}) {
                Load.Result r = Load.run(mix, 200, think, seconds);
                System.out.printf("200 clients, think %.1f s: %,d requests in %.0f s (%.0f req/s), %d errors, p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        think, r.count(), r.seconds(), r.rate(), r.errors(), r.p50(), r.p99(), r.max());
            }
        }
    }
}
