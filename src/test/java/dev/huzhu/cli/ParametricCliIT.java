package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.contracts.MatchingRound;
import dev.huzhu.contracts.ParametricPlan;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Disaster relief's parametric plans and matching rounds, from the CLI to the index, API and page (issue 13), with
 * the factories `huzhu deploy` records. Parametric: create with an oracle, fund, cover in two regions, the oracle's
 * attestation posted, the member claims the preset 500 once (a second claim refused) and withdraws it; its window
 * closes, a second attestation opens another. Matching: a round of two campaigns, hand-worked — campaign A has one
 * donor of 100 (Σ√c = √100 = 10), B four donors of 25 (Σ√c = 4·√25 = 20): squares 100 and 400, so of the 500 pool A
 * is paid 100 and B would be paid 400. The index's API (SQLite, and PostgreSQL giving the same answers) equals the
 * contracts' views; the page (Chromium, EN then ZH at 390 px) shows them.
 */
@ExtendWith(HardhatNodeExtension.class)
class ParametricCliIT {
    static final BigInteger USD = BigInteger.TEN.pow(6);

    @Test
    void aCoveredMemberClaimsThePresetPayoutOnceAndARoundMatchesQuadratically(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            for (String who : new String[] {"alice", "operator", "bob", "dave"}) {
                w.ok("faucet", "1000", "--account", who, "--yes");
            }
            String plan = w.okJson("parametric", "create", "--oracle", "carol", "--contribution", "10", "--payout", "500",
                    "--account", "operator", "--yes").get("plan").asText();
            assertEquals("500", w.okJson("parametric", "fund", plan, "500", "--account", "operator", "--yes").get("reserve").asText());
            JsonNode cover = w.okJson("parametric", "cover", plan, "--region", "4401", "--periods", "3", "--account", "alice", "--yes");
            assertEquals("30", cover.get("paid").asText());
            w.ok("parametric", "cover", plan, "--region", "4401", "--account", "dave", "--yes"); // covered at the event, never claims
            w.ok("parametric", "cover", plan, "--region", "5102", "--account", "bob", "--yes");

            // a matching round (sponsor dave) with two campaigns admitted before it starts
            String round = w.okJson("relief", "round", "create", "--starts-in", "1h", "--length", "3d", "--account", "dave", "--yes").get("round").asText();
            w.ok("relief", "round", "fund", round, "500", "--account", "dave", "--yes");
            String[] campaigns = new String[2];
            for (int i = 0; i < 2; i++) {
                campaigns[i] = w.okJson("relief", "create", "--goal", "100", "--deadline", "7d", "--verifier", "assessor1", "--verifier", "assessor2",
                        "--verifier", "assessor3", "--round", round, "--account", "bob", "--yes").get("campaign").asText();
                w.ok("relief", "round", "admit", round, campaigns[i], "--account", "dave", "--yes");
            }
            w.advance(3_600);
            w.ok("relief", "donate", campaigns[0], "100", "--account", "alice", "--yes");
            for (String donor : new String[] {"alice", "bob", "dave", "operator"}) {
                w.ok("relief", "donate", campaigns[1], "25", "--account", donor, "--yes");
            }

            w.advance(8 * 86_400);
            w.ok("oracle", "attest", plan, "--event", "7", "--region", "4401", "--severity", "5", "--post", "--account", "carol", "--yes");
            JsonNode claimed = w.okJson("parametric", "claim", plan, "--event", "7", "--region", "4401", "--account", "alice", "--yes");
            assertEquals("500", claimed.get("amount").asText());
            ParametricPlan p = ParametricPlan.load(plan, w.web3j, new ReadonlyTransactionManager(w.web3j, plan), new DefaultGasProvider());
            assertEquals(BigInteger.valueOf(500).multiply(USD), p.memberOf(w.address("alice")).send().credit);
            CliRunner.Result again = w.cli.run("parametric", "claim", plan, "--event", "7", "--region", "4401", "--account", "alice", "--yes");
            assertEquals(ExitCodes.REVERTED, again.exit(), again.toString());
            assertTrue(again.errLine().toLowerCase().contains("already claimed"), again.errLine());
            assertEquals("500", w.okJson("parametric", "withdraw", plan, "--account", "alice", "--yes").get("amount").asText());
            CliRunner.Result badRegion = w.cli.run("parametric", "cover", plan, "--region", "0", "--account", "alice", "--yes");
            assertEquals(ExitCodes.USAGE, badRegion.exit(), badRegion.toString());
            assertEquals("huzhu: --region must be 1 to 4294967295 (got 0)", badRegion.errLine());

            // the round has ended: A's match is paid, hand-worked 500 · 100 / (100 + 400)
            assertEquals("100", w.okJson("relief", "round", "pay", round, campaigns[0], "--account", "passer", "--yes").get("amount").asText());
            MatchingRound r = MatchingRound.load(round, w.web3j, new ReadonlyTransactionManager(w.web3j, round), new DefaultGasProvider());
            assertEquals(USD.multiply(BigInteger.valueOf(400)), r.matchOf(campaigns[1]).send(), "B: 500 · 400 / 500");

            // event 7's 14-day window closes; a second disaster in bob's region opens another
            w.advance(15 * 86_400);
            w.ok("oracle", "attest", plan, "--event", "9", "--region", "5102", "--severity", "4", "--post", "--account", "carol", "--yes");
            w.advance(1); // the index's clock: the next block

            try (ServedIndex served = ServedIndex.of(w, "jdbc:sqlite:" + tmp.resolve("index.db"))) {
                String planSpec = ParametricViews.check(w, served, plan);
                String roundSpec = RoundViews.check(w, served, round);
                JsonNode api = served.get("api/parametric/" + plan.toLowerCase());
                assertEquals(2, api.get("attestations").size());
                assertEquals(2, api.get("regions").size(), "regions 4401 (alice, dave) and 5102 (bob)");
                JsonNode seven = api.get("attestations").get(1);
                assertEquals("7", seven.get("eventId").asText());
                assertEquals(2, seven.get("coveredMembers").asInt(), "alice and dave were covered at event 7");
                assertEquals(USD.multiply(BigInteger.valueOf(500)).toString(), seven.get("paid").asText());
                assertEquals(USD.multiply(BigInteger.valueOf(100)), RoundViews.paidMatch(served, round, campaigns[0]), "A: hand-worked 100");
                assertEquals(1, served.get("api/rounds").get("total").asInt());
                assertEquals(1, served.get("api/parametric").get("total").asInt());

                // PostgreSQL: the same chain indexed there answers the same
                try (ServedIndex pg = ServedIndex.of(w, dev.huzhu.indexer.PostgresServer.shared().createDatabase())) {
                    for (String path : List.of("api/parametric", "api/parametric/" + plan.toLowerCase(), "api/rounds", "api/rounds/" + round.toLowerCase(),
                            "api/campaigns/" + campaigns[1].toLowerCase())) {
                        assertEquals(served.get(path), pg.get(path), path + " on PostgreSQL");
                    }
                }

                served.browser("scenario-pages.js", List.of("{\"parametric\":[" + planSpec + "],\"rounds\":[" + roundSpec + "]}"));
            }
            // a reorg replays scopes from their stored events: the same rows come out
            dev.huzhu.indexer.ScopeReplay.rebuildsTheSame("jdbc:sqlite:" + tmp.resolve("index.db"), 31337, dev.huzhu.indexer.ScopeReplay.SCENARIO_TABLES);
        }
    }
}
