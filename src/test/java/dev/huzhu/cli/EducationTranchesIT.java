package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoolHousekeeping;
import dev.huzhu.contracts.TrancheEscrow;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * EDUCATION plans from the CLI (issue 13): pool create --tranches, claim submit --institution, the
 * assessors approve a proof of enrolment per term (tranche approve), the school is credited, the
 * student stops and the rest goes back to the reserve. Hand-worked: a 150 claim in 2 tranches is
 * 75 + 75. The index follows the escrow: the API's schedule and the claim's page (Chromium, EN + ZH at 390 px,
 * src/test/browser/claim-schedule-page.js) equal scheduleOf, trancheAmount and termOpensAt.
 */
@ExtendWith(HardhatNodeExtension.class)
class EducationTranchesIT {
    static final long DAY = 86_400;
    static final BigInteger USD = BigInteger.TEN.pow(6);

    @Test
    void aClaimIsPaidToTheSchoolByTermAndStops(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            CliRunner.Result medicalTranches = w.cli.run("pool", "create", "--category", "medical", "--contribution", "200", "--max-payout", "1000",
                    "--tranches", "2", "--assessor", "assessor1", "--account", "operator", "--yes");
            assertEquals(ExitCodes.USAGE, medicalTranches.exit(), medicalTranches.toString());
            assertEquals("huzhu: --tranches is for education plans (a medical plan pays claims to the member)", medicalTranches.errLine());

            JsonNode created = w.okJson("pool", "create", "--category", "education", "--contribution", "200", "--max-payout", "1000",
                    "--waiting", "1d", "--tranches", "2", "--term", "30d", "--assessor", "assessor1", "--assessor", "assessor2",
                    "--account", "operator", "--yes");
            String plan = created.get("plan").asText();
            AidPool pool = AidPool.load(plan, w.web3j, new ReadonlyTransactionManager(w.web3j, plan), new DefaultGasProvider());
            String escrowAddress = AidPoolHousekeeping.load(plan, w.web3j, new ReadonlyTransactionManager(w.web3j, plan), new DefaultGasProvider())
                    .trancheEscrow().send();
            TrancheEscrow escrow = TrancheEscrow.load(escrowAddress, w.web3j, new ReadonlyTransactionManager(w.web3j, plan), new DefaultGasProvider());
            var terms = escrow.termsOf(plan).send();
            assertEquals(BigInteger.TWO, terms.component1());
            assertEquals(BigInteger.valueOf(30 * DAY), terms.component2());

            w.ok("faucet", "1000", "--account", "alice", "--yes");
            w.ok("member", "join", "--plan", "0", "--amount", "400", "--account", "alice", "--yes");
            w.advance(2 * DAY);
            Path evidence = w.file("offer.txt", "offer letter, autumn term");
            BigInteger nonce = w.nonce(w.address("alice"));
            CliRunner.Result noSchool = w.cli.run("claim", "submit", "--plan", "0", "--amount", "150", "--evidence", evidence.toString(),
                    "--account", "alice", "--yes");
            assertEquals(ExitCodes.USAGE, noSchool.exit(), noSchool.toString());
            assertTrue(noSchool.errLine().contains("is an EDUCATION plan: name the school the claim is paid to with --institution"), noSchool.errLine());
            assertEquals(nonce, w.nonce(w.address("alice")), "nothing sent");

            JsonNode submitted = w.okJson("claim", "submit", "--plan", "0", "--amount", "150", "--evidence", evidence.toString(),
                    "--institution", "dave", "--account", "alice", "--yes");
            assertEquals(w.address("dave"), submitted.get("institution").asText());
            assertEquals(w.address("dave").toLowerCase(), escrow.scheduleOf(plan, BigInteger.ONE).send().institution.toLowerCase());
            w.ok("claim", "vote", "1", "approve", "--plan", "0", "--account", "assessor1", "--yes");
            w.ok("claim", "vote", "1", "approve", "--plan", "0", "--account", "assessor2", "--yes");
            w.advance(4 * DAY);
            w.ok("claim", "finalize", "1", "--plan", "0", "--account", "passer", "--yes");
            assertEquals(USD.multiply(BigInteger.valueOf(150)), pool.withdrawable(escrowAddress).send(), "credited to the escrow, not to alice");

            Path proof = w.file("enrolment.txt", "enrolled, autumn term");
            CliRunner.Result stranger = w.cli.run("tranche", "approve", "1", "--plan", "0", "--proof", proof.toString(), "--account", "bob", "--yes");
            assertNotEquals(0, stranger.exit(), stranger.toString());
            assertTrue(stranger.errLine().toLowerCase().contains("assessor"), stranger.errLine());
            JsonNode first = w.okJson("tranche", "approve", "1", "--plan", "0", "--proof", proof.toString(), "--account", "assessor1", "--yes");
            assertEquals(false, first.get("released").asBoolean());
            JsonNode second = w.okJson("tranche", "approve", "1", "--plan", "0", "--proof", proof.toString(), "--account", "assessor2", "--yes");
            assertEquals("75", second.get("amount").asText());
            assertEquals(USD.multiply(BigInteger.valueOf(75)), pool.withdrawable(w.address("dave")).send(), "the school's first tranche");

            JsonNode shown = w.okJson("claim", "show", "1", "--plan", "0");
            JsonNode schedule = shown.get("schedule");
            assertEquals(w.address("dave"), schedule.get("institution").asText());
            assertEquals("released", schedule.get("terms").get(0).get("state").asText());
            assertEquals("75", schedule.get("terms").get(1).get("amount").asText());
            assertEquals(escrow.termOpensAt(plan, BigInteger.ONE, BigInteger.ONE).send().longValue(), schedule.get("terms").get(1).get("opensAt").asLong());
            assertTrue(w.ok("tranche", "show", "1", "--plan", "0").out().contains("released    75"), "text schedule");

            BigInteger reserveBefore = pool.reserve().send();
            JsonNode stopped = w.okJson("tranche", "stop", "1", "--plan", "0", "--account", "alice", "--yes");
            assertEquals("75", stopped.get("returned").asText());
            assertEquals(reserveBefore.add(USD.multiply(BigInteger.valueOf(75))), pool.reserve().send());
            assertEquals(BigInteger.ZERO, pool.withdrawable(escrowAddress).send());
            // records: the claim with its schedule as the escrow holds it
            JsonNode recorded = w.okJson("records", "alice").get("claims").get(0).get("schedule");
            var stored = escrow.scheduleOf(plan, BigInteger.ONE).send();
            assertEquals(w.address("dave"), recorded.get("institution").asText());
            assertEquals(new java.math.BigDecimal(stored.releasedAmount).movePointLeft(6).stripTrailingZeros().toPlainString(), recorded.get("releasedAmount").asText());
            assertEquals(new java.math.BigDecimal(stored.returnedAmount).movePointLeft(6).stripTrailingZeros().toPlainString(), recorded.get("returnedAmount").asText());
            assertEquals(true, recorded.get("stopped").asBoolean());

            // the index: the tuition never reached alice's balance, the returned tranche is in the reserve (as on chain)
            Path db = tmp.resolve("index.db");
            w.ok("index", "--once", "--quiet", "--db", "jdbc:sqlite:" + db);
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
                var member = c.prepareStatement("SELECT balance FROM members WHERE lower(plan) = lower(?) AND lower(member) = lower(?)");
                member.setString(1, plan);
                member.setString(2, w.address("alice"));
                var rs = member.executeQuery();
                assertTrue(rs.next());
                assertEquals(pool.memberOf(w.address("alice")).send().balance, new java.math.BigDecimal(rs.getString(1)).toBigIntegerExact());
                var reserve = c.prepareStatement("SELECT reserve FROM plans WHERE lower(address) = lower(?)");
                reserve.setString(1, plan);
                rs = reserve.executeQuery();
                assertTrue(rs.next());
                assertEquals(pool.reserve().send(), new java.math.BigDecimal(rs.getString(1)).toBigIntegerExact());
            }

            // the schedule on the API and on the claim's page: every figure as TrancheEscrow's own views say
            try (var server = dev.huzhu.web.WebServer.start(dev.huzhu.indexer.IndexDatabase.open("jdbc:sqlite:" + db), 31337, "127.0.0.1", 0)) {
                var http = java.net.http.HttpClient.newHttpClient();
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "api/plans/" + plan.toLowerCase() + "/claims/1")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                JsonNode api = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("schedule");
                int n = stored.tranches.intValue();
                assertEquals(stored.institution.toLowerCase(), api.get("institution").asText().toLowerCase());
                assertEquals(n, api.get("tranches").asInt());
                assertEquals(stored.termLength.longValue(), api.get("termSeconds").asLong());
                assertEquals(stored.startedAt.longValue(), api.get("startedAt").asLong());
                assertEquals(stored.released.intValue(), api.get("releasedTerms").asInt());
                assertEquals(stored.total.toString(), api.get("total").asText());
                assertEquals(stored.releasedAmount.toString(), api.get("releasedAmount").asText());
                assertEquals(stored.returnedAmount.toString(), api.get("returnedAmount").asText());
                assertEquals(stored.stopped, api.get("stopped").asBoolean());
                var spec = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("plan", plan.toLowerCase()).put("claimId", 1)
                        .put("symbol", dev.huzhu.contracts.MockUSD.load(pool.rules().send().asset, w.web3j, new ReadonlyTransactionManager(w.web3j, plan),
                                new DefaultGasProvider()).symbol().send()).put("decimals", 6)
                        .put("institution", stored.institution).put("tranches", n).put("termLength", stored.termLength.longValue())
                        .put("total", stored.total.toString()).put("releasedAmount", stored.releasedAmount.toString())
                        .put("returnedAmount", stored.returnedAmount.toString()).put("stopped", stored.stopped);
                var specTerms = spec.putArray("terms");
                for (int k = 0; k < n; k++) {
                    BigInteger term = BigInteger.valueOf(k);
                    String amount = escrow.trancheAmount(stored.total, stored.tranches, term).send().toString();
                    long opensAt = escrow.termOpensAt(plan, BigInteger.ONE, term).send().longValue();
                    String state = k < stored.released.intValue() ? "released" : stored.stopped ? "stopped" : k == stored.released.intValue() ? "next" : "waiting";
                    assertEquals(amount, api.get("terms").get(k).get("amount").asText(), "term " + k + ": trancheAmount");
                    assertEquals(opensAt, api.get("terms").get(k).get("opensAt").asLong(), "term " + k + ": termOpensAt");
                    assertEquals(state, api.get("terms").get(k).get("state").asText(), "term " + k);
                    specTerms.addObject().put("amount", amount).put("opensAt", opensAt).put("state", state);
                }
                assertEquals(USD.multiply(BigInteger.valueOf(75)).toString(), api.get("terms").get(0).get("release").get("amount").asText(), "hand-worked: 150 / 2");
                Path specFile = w.file("claim-schedule.json", spec.toString());
                Process browser = new ProcessBuilder("node", "src/test/browser/claim-schedule-page.js", server.url(),
                        java.nio.file.Files.createDirectories(HardhatNodeExtension.projectDir().resolve("target/screenshots")).toString(), specFile.toString())
                        .directory(HardhatNodeExtension.projectDir().toFile()).redirectErrorStream(true).start();
                String out = new String(browser.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(browser.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "browser test timed out:\n" + out);
                System.out.println(out);
                assertEquals(0, browser.exitValue(), out);
            }
            // a reorg's replay (every scope cleared and replayed from its events) gives the same schedule rows
            dev.huzhu.indexer.ScopeReplay.rebuildsTheSame("jdbc:sqlite:" + db, 31337, java.util.List.of("tranche_schedules", "tranche_releases"));
        }
    }
}
