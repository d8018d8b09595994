package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.NonceLock;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole member story driven only through the CLI (in-process, real node): deploy → create a plan →
 * members join (one referred) → waiting period → claim → assessors approve → notice → finalize pays →
 * a second claim is rejected, appealed and approved by a commit-reveal jury → records, points, rating.
 */
@ExtendWith(HardhatNodeExtension.class)
class CliScenarioIT {
    static final long DAY = 86_400;

    static Process subprocess(Map<String, String> env, String... args) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.huzhu.cli.HuzhuCommand"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void memberStoryEndToEnd(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            JsonNode deployed = w.okJson("deploy", "--account", "operator", "--yes");
            assertTrue(deployed.get("deployed").asBoolean());
            String usdAddress = deployed.get("contracts").get("MockUSD").get("address").asText();
            assertTrue(Files.isRegularFile(tmp.resolve("deployments/31337.json")));
            // idempotent: a second deploy reports the same contracts and sends nothing
            BigInteger opNonce = w.nonce(w.address("operator"));
            JsonNode again = w.okJson("deploy", "--account", "operator", "--yes");
            assertEquals(false, again.get("deployed").asBoolean());
            assertEquals(usdAddress, again.get("contracts").get("MockUSD").get("address").asText());
            assertEquals(opNonce, w.nonce(w.address("operator")));

            JsonNode plan = w.okJson("pool", "create", "--category", "medical", "--contribution", "100", "--period", "30d",
                    "--waiting", "30d", "--max-payout", "1000", "--assessment", "7d", "--notice", "3d", "--jury", "2d",
                    "--claim-bond", "5", "--challenge-bond", "20", "--fee-bps", "100",
                    "--assessor", w.address("assessor1"), "--assessor", w.address("assessor2"), "--assessor", w.address("assessor3").toLowerCase(),
                    "--quorum", "2", "--rules-file", w.file("rules.md", "# Medical plan\nPays hospital bills.\n").toString(),
                    "--account", "operator", "--yes");
            String p = plan.get("plan").asText();
            assertEquals(0, plan.get("id").asInt());

            for (String m : new String[] {"bob", "carol", "dave"}) {
                w.ok("faucet", "1000", "--account", m, "--yes");
            }
            // nonce safety across processes: while another huzhu holds alice's nonce lock, a second one waits
            // after its estimate and sends only once the lock is free
            BigInteger aliceNonce = w.nonce(w.address("alice"));
            Map<String, String> env = new HashMap<>(w.cli.environment());
            Process waiting;
            try (NonceLock held = NonceLock.acquire(tmp.resolve("home/locks"), 31337, w.address("alice"))) {
                waiting = subprocess(env, "faucet", "1000", "--account", "alice", "--yes");
                java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(waiting.getErrorStream()));
                String line;
                while ((line = err.readLine()) != null && !line.contains("gas ~")) {
                    // the estimate is done when the cost line appears
                }
                Thread.sleep(1500);
                assertTrue(waiting.isAlive(), "blocked on the nonce lock");
                assertEquals(aliceNonce, w.nonce(w.address("alice")), "nothing sent while the lock is held");
            }
            assertTrue(waiting.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, waiting.exitValue());
            assertEquals(aliceNonce.add(BigInteger.ONE), w.nonce(w.address("alice")));
            JsonNode aliceJoin = w.okJson("member", "join", "--plan", "0", "--amount", "300", "--account", "alice", "--yes");
            assertTrue(aliceJoin.get("approval").has("hash"), "the plan was approved before joining");
            w.ok("member", "join", "--plan", p, "--amount", "300", "--referrer", w.address("alice"), "--account", "bob", "--yes");
            w.ok("member", "join", "--plan", "#0", "--amount", "300", "--account", "carol", "--yes");
            w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", "dave", "--yes");
            w.ok("member", "deposit", "--plan", "0", "--amount", "12.5", "--account", "alice", "--yes");

            JsonNode status = w.okJson("member", "status", "--plan", "0", "--account", "alice");
            JsonNode ms = status.get("memberships").get(0);
            assertEquals("waiting", ms.get("status").asText());
            assertEquals("212.5", ms.get("balance").asText(), "300 + 12.5 deposited, one 100 contribution charged");
            assertEquals("687.5", status.get("wallet").get("mUSD").asText());

            // too early: the waiting period is decoded from the custom error
            Path evidence = w.file("invoice.txt", "hospital invoice 2026-11-26, appendectomy, 250.00 USD");
            CliRunner.Result early = w.cli.run("claim", "submit", "--plan", "0", "--amount", "250", "--evidence", evidence.toString(), "--account", "alice", "--yes");
            assertEquals(ExitCodes.REVERTED, early.exit(), early.toString());
            assertTrue(early.errLine().matches("huzhu: cannot claim yet: waiting period ends \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"), early.errLine());

            w.advance(31 * DAY);
            JsonNode claim = w.okJson("claim", "submit", "--plan", "0", "--amount", "250", "--evidence", evidence.toString(), "--account", "alice", "--yes");
            long id = claim.get("claimId").asLong();
            w.ok("claim", "vote", Long.toString(id), "approve", "--plan", "0", "--account", "assessor1", "--yes");
            JsonNode vote2 = w.okJson("claim", "vote", Long.toString(id), "approve", "--plan", "0", "--account", "assessor2", "--yes");
            assertEquals("approved", vote2.get("claimStatus").asText());
            CliRunner.Result tooSoon = w.cli.run("claim", "finalize", Long.toString(id), "--plan", "0", "--account", "passer", "--yes");
            assertEquals(ExitCodes.REVERTED, tooSoon.exit(), tooSoon.toString());
            assertTrue(tooSoon.errLine().startsWith("huzhu: too early: this opens for claim #" + id + " at "), tooSoon.errLine());

            Erc20Token usd = new Erc20Token(w.web3j, usdAddress);
            BigInteger before = usd.balanceOf(w.address("alice"));
            w.advance(3 * DAY + 1);
            JsonNode fin = w.okJson("claim", "finalize", Long.toString(id), "--plan", "0", "--account", "passer", "--yes");
            assertEquals("paid", fin.get("outcome").asText());
            assertEquals("250", fin.get("amount").asText());
            assertEquals(before, usd.balanceOf(w.address("alice")), "pull payment: credited to alice's plan balance, not sent");
            w.ok("member", "withdraw", "--plan", "0", "--amount", "255", "--account", "alice", "--yes");
            assertEquals(before.add(BigInteger.valueOf(255_000_000)), usd.balanceOf(w.address("alice")), "250 paid + 5 bond back");
            assertEquals("paid", w.okJson("claim", "show", Long.toString(id), "--plan", "0").get("status").asText());

            // second claim: rejected, appealed, the jury approves, finalize pays
            JsonNode c2 = w.okJson("claim", "submit", "--plan", "0", "--amount", "100", "--evidence", evidence.toString(), "--account", "bob", "--yes");
            String id2 = c2.get("claimId").asText();
            w.ok("claim", "vote", id2, "reject", "--plan", "0", "--account", "assessor1", "--yes");
            assertEquals("rejected", w.okJson("claim", "vote", id2, "reject", "--plan", "0", "--account", "assessor3", "--yes").get("claimStatus").asText());
            w.ok("claim", "appeal", id2, "--plan", "0", "--account", "bob", "--yes");
            // the panel: every member old enough but the claimant (3 of them, fewer than 5 seats); a quorum is 3
            for (String juror : new String[] {"carol", "dave", "alice"}) {
                w.ok("claim", "jury", "commit", id2, "approve", "--plan", "0", "--account", juror, "--yes");
            }
            w.advance(2 * DAY + 1);
            for (String juror : new String[] {"carol", "dave", "alice"}) {
                w.ok("claim", "jury", "reveal", id2, "--plan", "0", "--account", juror, "--yes");
            }
            w.advance(2 * DAY + 1);
            assertEquals("paid", w.okJson("claim", "finalize", id2, "--plan", "0", "--account", "passer", "--yes").get("outcome").asText());
            // jurors collect (pull): an approved appeal has no losing bond and the plan asks no deposit, so 0 + 0, once
            JsonNode collected = w.okJson("claim", "jury", "collect", id2, "--plan", "0", "--account", "carol", "--yes");
            assertEquals("0", collected.get("deposit").asText());
            assertEquals("0", collected.get("reward").asText());
            BigInteger carolNonce = w.nonce(w.address("carol"));
            CliRunner.Result twice = w.cli.run("claim", "jury", "collect", id2, "--plan", "0", "--account", "carol", "--yes");
            assertEquals(ExitCodes.REVERTED, twice.exit(), twice.toString());
            assertTrue(twice.errLine().startsWith("huzhu: "), twice.toString());
            assertEquals(carolNonce, w.nonce(w.address("carol")), "refused before sending");
            JsonNode list = w.okJson("claim", "list", "--plan", "0", "--status", "paid");
            assertEquals(2, list.get("claims").size());

            // comparison, rating, points and records
            w.ok("rate", "5", "--plan", "0", "--account", "carol", "--yes");
            JsonNode compare = w.okJson("pool", "compare").get("plans").get(0);
            assertEquals(2, compare.get("claimsPaid").asInt());
            assertEquals(4, compare.get("members").asInt());
            assertEquals(5.0, compare.get("rating").asDouble());
            assertEquals(0.5, compare.get("approvalRatio").asDouble(), "one claim approved, one rejected by the assessors");
            String table = w.ok("pool", "compare").out();
            assertTrue(table.contains("PAID") && table.contains("5.0★ (1)"), table);

            JsonNode points = w.okJson("points", "--account", "carol").get("plans").get(0);
            assertTrue(points.get("pending").asLong() >= 15, "joining (vested) + a revealed jury vote: " + points);
            w.ok("points", "claim", "--plan", "0", "--account", "carol", "--yes");
            JsonNode after = w.okJson("points", w.address("carol")).get("plans").get(0);
            assertEquals(points.get("pending").asLong(), after.get("minted").asLong(), "minted in plan #0's own points");

            JsonNode records = w.okJson("records", w.address("bob"));
            String events = records.get("records").findValuesAsText("event").toString();
            for (String e : new String[] {"MemberJoined", "ClaimSubmitted", "AssessorVoted", "ClaimDisputed", "ClaimPaid"}) {
                assertTrue(events.contains(e), e + " in " + events);
            }
            assertTrue(w.ok("records", w.address("alice").toLowerCase()).out().contains("ClaimPaid"));
            assertTrue(w.okJson("records", w.address("assessor3")).get("records").findValuesAsText("event").contains("AssessorVoted"));

            // a second, cost-sharing plan shows up beside the first
            JsonNode shared = w.okJson("pool", "create", "--category", "disaster", "--model", "cost-sharing", "--share-cap", "5",
                    "--max-payout", "5000", "--assessor", w.address("assessor1"), "--account", "operator", "--yes");
            assertEquals(1, shared.get("id").asInt());
            JsonNode plans = w.okJson("pool", "list").get("plans");
            assertEquals("cost-sharing", plans.get(1).get("model").asText());
            assertEquals("5", plans.get(1).get("shareCapPerPeriod").asText());
            assertTrue(w.ok("pool", "list", "--category", "disaster").out().contains("≤ 5 mUSD / 30d"));

            w.ok("member", "withdraw", "--plan", "0", "--amount", "10", "--account", "dave", "--yes");
            JsonNode left = w.okJson("member", "leave", "--plan", "0", "--account", "dave", "--yes");
            assertTrue(new BigInteger(left.get("refunded").asText().replace(".", "")).signum() > 0, left.toString());
        }
    }
}
