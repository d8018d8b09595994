package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.contracts.MatchingRound;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.contracts.ReliefCampaign;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.protocol.CampaignStatus;
import dev.huzhu.protocol.SolidityEnum;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * huzhu relief … (issue 13): a round, a campaign admitted to it, donations, the match, two
 * milestones approved by 2 of 3 verifiers, the beneficiary's withdrawal; a second campaign
 * cancelled and refunded. Every figure checked against the contracts' views; hand-worked: one
 * campaign in the round takes the whole pool (its s² over Σ s² = 1).
 */
@ExtendWith(HardhatNodeExtension.class)
class ReliefCliIT {
    static final BigInteger USD = BigInteger.TEN.pow(6);

    @Test
    void aCampaignIsFundedMatchedReleasedAndAnotherRefunded(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            for (String who : new String[] {"alice", "carol", "dave"}) {
                w.ok("faucet", "1000", "--account", who, "--yes");
            }
            String round = w.okJson("relief", "round", "create", "--starts-in", "1h", "--length", "3d", "--account", "carol", "--yes").get("round").asText();
            assertEquals("500", w.okJson("relief", "round", "fund", round, "500", "--account", "carol", "--yes").get("pool").asText());
            JsonNode created = w.okJson("relief", "create", "--goal", "300", "--deadline", "7d", "--verifier", "assessor1", "--verifier", "assessor2",
                    "--verifier", "assessor3", "--milestone", "100:tents", "--milestone", "200:repairs", "--round", round, "--account", "bob", "--yes");
            String campaign = created.get("campaign").asText();
            assertEquals(w.address("bob"), created.get("beneficiary").asText());
            w.ok("relief", "round", "admit", round, campaign, "--account", "carol", "--yes");
            w.advance(3_600);
            w.ok("relief", "donate", campaign, "200", "--account", "alice", "--yes");
            JsonNode second = w.okJson("relief", "donate", campaign, "150", "--account", "dave", "--yes");
            assertEquals("350", second.get("raised").asText());
            w.advance(3 * 86_400);
            JsonNode paid = w.okJson("relief", "round", "pay", round, campaign, "--account", "passer", "--yes");
            assertEquals("500", paid.get("amount").asText(), "the only campaign of the round takes the whole pool");

            Path receipts = w.file("receipts.txt", "120 tents delivered");
            JsonNode one = w.okJson("relief", "approve", campaign, "0", "--evidence", receipts.toString(), "--account", "assessor1", "--yes");
            assertEquals(false, one.get("released").asBoolean());
            JsonNode two = w.okJson("relief", "approve", campaign, "0", "--evidence", receipts.toString(), "--account", "assessor2", "--yes");
            assertEquals("100", two.get("amount").asText());
            Path photos = w.file("photos.txt", "repairs done");
            w.ok("relief", "approve", campaign, "1", "--evidence", photos.toString(), "--account", "assessor1", "--yes");
            JsonNode last = w.okJson("relief", "approve", campaign, "1", "--evidence", photos.toString(), "--account", "assessor3", "--yes");
            assertEquals("750", last.get("amount").asText(), "the last milestone releases the rest: 350 raised + 500 matched - 100");
            assertEquals("850", w.okJson("relief", "withdraw", campaign, "--account", "bob", "--yes").get("amount").asText());

            // donor points, pulled once the campaign completed: one per whole token donated (alice gave 200), in the campaign's scope
            JsonNode claimed = w.okJson("relief", "points", campaign, "--account", "alice", "--yes");
            assertEquals(200, claimed.get("points").asLong());
            var aidPoints = dev.huzhu.contracts.AidPoints.load(claimed.get("pointsContract").asText(), w.web3j,
                    new ReadonlyTransactionManager(w.web3j, campaign), new DefaultGasProvider());
            assertEquals(BigInteger.valueOf(200), aidPoints.pointsOf(campaign, w.address("alice")).send());
            CliRunner.Result again = w.cli.run("relief", "points", campaign, "--account", "alice", "--yes");
            assertEquals(ExitCodes.REVERTED, again.exit(), again.toString());
            assertTrue(again.errLine().contains("already claimed its points from this campaign"), again.errLine());

            var ro = new ReadonlyTransactionManager(w.web3j, campaign);
            ReliefCampaign c = ReliefCampaign.load(campaign, w.web3j, ro, new DefaultGasProvider());
            var books = c.books().send();
            JsonNode shown = w.okJson("relief", "show", campaign);
            assertEquals("completed", shown.get("status").asText());
            assertEquals(new java.math.BigDecimal(books.component1()).movePointLeft(6).stripTrailingZeros().toPlainString(), shown.get("raised").asText());
            assertEquals(new java.math.BigDecimal(books.component2()).movePointLeft(6).stripTrailingZeros().toPlainString(), shown.get("matched").asText());
            assertEquals(100, shown.get("progressPercent").asInt());
            assertEquals(2, shown.get("milestones").size());
            assertEquals(200, shown.get("pointsMinted").asLong(), "AidPoints.totalOf(campaign): alice's claim only");
            String token = c.terms().send().component1();
            assertEquals(BigInteger.ZERO, MockUSD.load(token, w.web3j, ro, new DefaultGasProvider()).balanceOf(campaign).send());
            assertEquals(USD.multiply(BigInteger.valueOf(500)),
                    MatchingRound.load(round, w.web3j, ro, new DefaultGasProvider()).poolBooks().send().component2());

            // a second campaign, cancelled by 2 of 3 verifiers: the donor pulls the gift back
            String school = w.okJson("relief", "create", "--goal", "1000", "--deadline", "7d", "--verifier", "assessor1", "--verifier", "assessor2",
                    "--verifier", "assessor3", "--account", "bob", "--yes").get("campaign").asText();
            w.ok("relief", "donate", school, "40", "--account", "alice", "--yes");
            w.ok("relief", "cancel", school, "--account", "assessor1", "--yes");
            assertEquals(true, w.okJson("relief", "cancel", school, "--account", "assessor2", "--yes").get("cancelled").asBoolean());
            assertEquals("40", w.okJson("relief", "refund", school, "--account", "alice", "--yes").get("amount").asText());
            CliRunner.Result refundedPoints = w.cli.run("relief", "points", school, "--account", "alice", "--yes");
            assertEquals(ExitCodes.REVERTED, refundedPoints.exit(), "a cancelled campaign never completes: no points for a refunded gift");

            CliRunner.Result notCampaign = w.cli.run("relief", "donate", w.address("dave"), "5", "--account", "alice", "--yes");
            assertEquals(ExitCodes.NOT_FOUND, notCampaign.exit(), notCampaign.toString());
            assertTrue(notCampaign.errLine().contains("is not a relief campaign of this deployment"), notCampaign.errLine());
            CliRunner.Result twice = w.cli.run("relief", "refund", school, "--account", "alice", "--yes");
            assertEquals(ExitCodes.REVERTED, twice.exit(), twice.toString());

            // a third campaign misses its goal by its deadline on the chain's clock, which runs days ahead of the browser's
            String shelter = w.okJson("relief", "create", "--goal", "500", "--deadline", "1d", "--verifier", "assessor1", "--verifier", "assessor2",
                    "--milestone", "200:food", "--milestone", "300:water", "--account", "bob", "--yes").get("campaign").asText();
            w.ok("relief", "donate", shelter, "10", "--account", "dave", "--yes");
            w.advance(2 * 86_400);
            ReliefCampaign shelterView = ReliefCampaign.load(shelter, w.web3j, ro, new DefaultGasProvider());
            assertEquals(CampaignStatus.FAILED, SolidityEnum.of(CampaignStatus.class, shelterView.status().send()));
            assertTrue(shelterView.terms().send().component5().longValue() > System.currentTimeMillis() / 1000 + 86_400,
                    "the deadline is still ahead on the browser's clock: only the chain's time says FAILED");

            // the index and the API: every figure equals the campaign's books() view
            Path db = tmp.resolve("index.db");
            w.ok("index", "--once", "--quiet", "--db", "jdbc:sqlite:" + db);
            try (var server = dev.huzhu.web.WebServer.start(dev.huzhu.indexer.IndexDatabase.open("jdbc:sqlite:" + db), 31337, "127.0.0.1", 0)) {
                var http = java.net.http.HttpClient.newHttpClient();
                java.util.function.Function<String, JsonNode> get = path -> {
                    try {
                        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + path)).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, r.statusCode(), path + ": " + r.body());
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                };
                // its matching round (scenes): /api/rounds/{a} equals poolBooks, totalSquares, matchPaid, matchOf of the round
                RoundViews.check(w, ServedIndex.at(server.url()), round);
                JsonNode list = get.apply("api/campaigns");
                assertEquals(3, list.get("total").asInt());
                var head = w.web3j.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send().getBlock();
                assertEquals(head.getTimestamp().longValue(), list.get("chainTime").asLong(), "chainTime: the last indexed block's time");
                MockUSD usd = MockUSD.load(token, w.web3j, ro, new DefaultGasProvider());
                String symbol = usd.symbol().send();
                int decimals = usd.decimals().send().intValue();
                for (String address : new String[] {campaign, school, shelter}) {
                    var view = ReliefCampaign.load(address, w.web3j, ro, new DefaultGasProvider()).books().send();
                    JsonNode api = get.apply("api/campaigns/" + address.toLowerCase());
                    assertEquals(view.component1().toString(), api.get("raised").asText(), address + " raised");
                    assertEquals(view.component2().toString(), api.get("matched").asText(), address + " matched");
                    assertEquals(view.component3().toString(), api.get("released").asText(), address + " released");
                    assertEquals(view.component4().toString(), api.get("refunded").asText(), address + " refunded");
                    assertEquals(view.component8().longValue(), api.get("donors").asLong(), address + " donors");
                    assertEquals(view.component7().longValue(), api.get("milestonesReleased").asLong(), address + " milestones released");
                    assertEquals(symbol, api.get("tokenSymbol").asText(), address + " token symbol()");
                    assertEquals(aidPoints.totalOf(address).send().toString(), api.get("pointsMinted").asText(), address + " AidPoints.totalOf(campaign)");
                    assertEquals(decimals, api.get("tokenDecimals").asInt(), address + " token decimals()");
                    ReliefCampaign rc = ReliefCampaign.load(address, w.web3j, ro, new DefaultGasProvider());
                    int count = rc.milestoneCount().send().intValue();
                    assertEquals(count, api.get("milestones").size(), address + " every milestone, released or pending");
                    for (int i = 0; i < count; i++) {
                        var planned = rc.milestone(BigInteger.valueOf(i)).send();
                        JsonNode m = api.get("milestones").get(i);
                        assertEquals(planned.component1().toString(), m.get("amount").asText(), address + " milestone " + i + " amount");
                        assertEquals(org.web3j.utils.Numeric.toHexString(planned.component2()), m.get("descriptionHash").asText(), address + " milestone " + i);
                        assertEquals(i < view.component7().intValue() ? "released" : "pending", m.get("state").asText(), address + " milestone " + i);
                    }
                }
                JsonNode flood = get.apply("api/campaigns/" + campaign.toLowerCase());
                assertEquals(2, flood.get("donations").get("total").asInt());
                assertEquals(2, flood.get("releases").size(), "both releases");
                assertEquals(USD.multiply(BigInteger.valueOf(200)).toString(), flood.get("milestones").get(1).get("amount").asText(), "planned: 200:repairs");
                assertEquals(USD.multiply(BigInteger.valueOf(750)).toString(), flood.get("milestones").get(1).get("release").get("amount").asText(),
                        "released: the rest, 350 + 500 - 100");
                assertEquals(true, get.apply("api/campaigns/" + school.toLowerCase()).get("cancelled").asBoolean());
                JsonNode donorPoints = get.apply("api/members/" + w.address("alice").toLowerCase() + "/records").get("donorPoints");
                assertEquals(1, donorPoints.size(), "alice claimed once");
                assertEquals(campaign.toLowerCase(), donorPoints.get(0).get("campaign").asText());
                assertEquals(aidPoints.pointsOf(campaign, w.address("alice")).send().toString(), donorPoints.get(0).get("points").asText());

                // the page, in Chromium, English and Chinese: progress and milestone states as the contract's own views say
                var spec = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("symbol", symbol).put("decimals", decimals);
                var specCampaigns = spec.putArray("campaigns");
                for (String address : new String[] {campaign, school, shelter}) {
                    ReliefCampaign view = ReliefCampaign.load(address, w.web3j, ro, new DefaultGasProvider());
                    var seen = view.books().send();
                    BigInteger percent = seen.component1().multiply(BigInteger.valueOf(100)).divide(view.terms().send().component4())
                            .min(BigInteger.valueOf(100));
                    var entry = specCampaigns.addObject().put("address", address.toLowerCase()).put("percent", percent.intValue())
                            .put("state", SolidityEnum.of(CampaignStatus.class, view.status().send()).name()).put("paid", seen.component7().intValue())
                            .put("raised", seen.component1().toString()).put("released", seen.component3().toString())
                            .put("pointsMinted", aidPoints.totalOf(address).send().toString());
                    var planned = entry.putArray("milestones");
                    for (int i = 0; i < view.milestoneCount().send().intValue(); i++) {
                        var m = view.milestone(BigInteger.valueOf(i)).send();
                        planned.addObject().put("amount", m.component1().toString()).put("descriptionHash", org.web3j.utils.Numeric.toHexString(m.component2()));
                    }
                }
                Path specFile = w.file("campaign-page.json", spec.toString());
                java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("node", "src/test/browser/campaign-page.js", server.url(),
                        Files.createDirectories(HardhatNodeExtension.projectDir().resolve("target/screenshots")).toString(), specFile.toString()));
                long started = System.nanoTime();
                Process browser = new ProcessBuilder(command).directory(HardhatNodeExtension.projectDir().toFile()).redirectErrorStream(true).start();
                String out = new String(browser.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(browser.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "browser test timed out:\n" + out);
                System.out.println(out + "browser checks: " + (System.nanoTime() - started) / 1_000_000 + " ms");
                assertEquals(0, browser.exitValue(), out);
            }
            // a reorg's replay (every scope cleared and replayed from its events) gives the same rows
            dev.huzhu.indexer.ScopeReplay.rebuildsTheSame("jdbc:sqlite:" + db, 31337, java.util.List.of("donations", "milestone_releases", "donor_points"));
        }
    }
}
