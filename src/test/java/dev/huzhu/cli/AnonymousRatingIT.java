package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.contracts.AnonymousReviews;
import dev.huzhu.contracts.MemberCommitments;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Zero-knowledge membership through the CLI on a real node (issue 12): members register commitments, one rates
 * anonymously through another account (a Groth16 proof made by snarkjs through Node), the chain counts the rating
 * and nothing in the transaction names the member; a second anonymous rating by the same member, a non-member's
 * registration, a double registration and an unregistered member are refused.
 */
@ExtendWith(HardhatNodeExtension.class)
class AnonymousRatingIT {
    @Test
    void registerThenRateAnonymously(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            JsonNode deployed = w.okJson("deploy", "--account", "operator", "--yes").get("contracts");
            String registry = deployed.get("MemberCommitments").get("address").asText();
            String reviews = deployed.get("AnonymousReviews").get("address").asText();
            String plan = w.okJson("pool", "create", "--category", "medical", "--contribution", "100", "--period", "30d",
                    "--waiting", "30d", "--max-payout", "1000", "--assessment", "7d", "--notice", "3d", "--jury", "2d",
                    "--claim-bond", "5", "--challenge-bond", "20", "--fee-bps", "100",
                    "--assessor", w.address("assessor1"), "--assessor", w.address("assessor2"), "--assessor", w.address("assessor3"),
                    "--quorum", "2", "--account", "operator", "--yes").get("plan").asText();
            for (String m : new String[] {"alice", "bob", "carol"}) {
                w.ok("faucet", "1000", "--account", m, "--yes");
                w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", m, "--yes");
            }
            // registration opens after one full period of membership, as for a public rating
            CliRunner.Result early = w.cli.run("member", "commit", "--plan", "0", "--account", "alice", "--yes");
            assertEquals(ExitCodes.REVERTED, early.exit(), early.toString());
            assertTrue(early.errLine().contains("registration for anonymous ratings opens"), early.errLine());
            w.advance(31 * 86_400L);

            MemberCommitments tree = MemberCommitments.load(registry, w.web3j, new ReadonlyTransactionManager(w.web3j, w.address("operator")),
                    new DefaultGasProvider());
            JsonNode a = w.okJson("member", "commit", "--plan", "0", "--account", "alice", "--yes");
            JsonNode b = w.okJson("member", "commit", "--plan", "0", "--account", "bob", "--yes");
            assertEquals(0, a.get("leafIndex").asInt());
            assertEquals(1, b.get("leafIndex").asInt());
            assertEquals(new BigInteger(a.get("commitment").asText()), tree.commitmentOf(plan, w.address("alice")).send());
            assertEquals(new BigInteger(b.get("root").asText()), tree.tree(plan).send().component1());
            assertEquals(BigInteger.TWO, tree.tree(plan).send().component2());

            CliRunner.Result twice = w.cli.run("member", "commit", "--plan", "0", "--account", "alice", "--yes");
            assertEquals(ExitCodes.REVERTED, twice.exit(), twice.toString());
            assertTrue(twice.errLine().contains("already registered a commitment"), twice.errLine());
            CliRunner.Result stranger = w.cli.run("member", "commit", "--plan", "0", "--account", "dave", "--yes");
            assertEquals(ExitCodes.REVERTED, stranger.exit(), stranger.toString());
            assertTrue(stranger.errLine().contains("is not an active member of plan"), stranger.errLine());
            assertEquals(BigInteger.TWO, tree.tree(plan).send().component2(), "nothing registered by the refusals");

            // sending from the member's own address would name it: refused before anything is proved or sent
            CliRunner.Result self = w.cli.run("rate", "4", "--anonymous", "--member", "alice", "--plan", "0", "--account", "alice", "--yes");
            assertEquals(ExitCodes.USAGE, self.exit(), self.toString());
            CliRunner.Result unregistered = w.cli.run("rate", "4", "--anonymous", "--member", "carol", "--plan", "0", "--account", "passer", "--yes");
            assertEquals(ExitCodes.NOT_FOUND, unregistered.exit(), unregistered.toString());
            assertTrue(unregistered.errLine().contains("member commit"), unregistered.errLine());

            BigInteger passerNonce = w.nonce(w.address("passer"));
            Path review = w.file("review.txt", "Claims were paid within a week.");
            JsonNode rated = w.okJson("rate", "4", "--anonymous", "--member", "alice", "--plan", "0", "--review-file", review.toString(),
                    "--account", "passer", "--yes");
            assertEquals(passerNonce.add(BigInteger.ONE), w.nonce(w.address("passer")), "sent by passer");
            assertEquals(2, rated.get("anonymitySet").asInt());
            // the review hash is the text's sha2-256 (its document-store id), and the chain announces it
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(review));
            assertEquals("0x" + java.util.HexFormat.of().formatHex(digest), rated.get("reviewHash").asText());
            dev.huzhu.zk.AnnouncedReviews announced = new dev.huzhu.zk.AnnouncedReviews(w.web3j, reviews, 0);
            assertTrue(announced.announced(digest));
            assertFalse(announced.announced(java.security.MessageDigest.getInstance("SHA-256").digest("another text".getBytes())));
            AnonymousReviews chain = AnonymousReviews.load(reviews, w.web3j, new ReadonlyTransactionManager(w.web3j, w.address("operator")),
                    new DefaultGasProvider());
            assertEquals(BigInteger.valueOf(400), chain.averageRating(plan).send().component1());
            assertEquals(BigInteger.ONE, chain.averageRating(plan).send().component2());
            BigInteger nullifier = new BigInteger(rated.get("nullifier").asText().substring(2), 16);
            assertTrue(chain.nullifierSpent(nullifier).send());
            Transaction sent = w.web3j.ethGetTransactionByHash(rated.get("tx").get("hash").asText()).send().getTransaction().orElseThrow();
            assertEquals(w.address("passer").toLowerCase(Locale.ROOT), sent.getFrom().toLowerCase(Locale.ROOT));
            String receipt = w.web3j.ethGetTransactionReceipt(sent.getHash()).send().getTransactionReceipt().orElseThrow().getLogs().toString();
            for (String named : new String[] {sent.getInput(), receipt}) {
                assertFalse(named.toLowerCase(Locale.ROOT).contains(w.address("alice").substring(2).toLowerCase(Locale.ROOT)), "alice is named");
            }
            // the plan's public rating is untouched
            assertEquals(BigInteger.ZERO, dev.huzhu.contracts.AidPool.load(plan, w.web3j, new ReadonlyTransactionManager(w.web3j, w.address("operator")),
                    new DefaultGasProvider()).averageRating().send().component2());

            // the same member again, with another rating and another sender: the same nullifier, refused
            CliRunner.Result again = w.cli.run("rate", "1", "--anonymous", "--member", "alice", "--plan", "0", "--account", "bob", "--yes");
            assertEquals(ExitCodes.REVERTED, again.exit(), again.toString());
            assertTrue(again.errLine().contains("already rated this plan anonymously"), again.errLine());
            assertEquals(BigInteger.ONE, chain.averageRating(plan).send().component2());

            // the index and the API serve the chain's figures: registrations and the anonymous average, no address
            String db = "jdbc:sqlite:" + tmp.resolve("index.db");
            w.ok("index", "--once", "--quiet", "--db", db);
            try (dev.huzhu.web.WebServer site = dev.huzhu.web.WebServer.start(dev.huzhu.indexer.IndexDatabase.open(db), 31337, "127.0.0.1", 0)) {
                java.net.http.HttpResponse<String> res = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(site.url() + "api/plans/" + plan.toLowerCase(Locale.ROOT))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, res.statusCode(), res.body());
                JsonNode anon = new com.fasterxml.jackson.databind.ObjectMapper().readTree(res.body()).get("anonymous");
                assertEquals(tree.tree(plan).send().component2().intValue(), anon.get("registered").asInt());
                assertEquals(chain.averageRating(plan).send().component2().intValue(), anon.get("count").asInt());
                assertEquals(chain.averageRating(plan).send().component1().doubleValue() / 100, anon.get("average").asDouble(), 1e-9);
                assertEquals(rated.get("nullifier").asText(), anon.get("ratings").get(0).get("nullifier").asText());
                assertFalse(anon.toString().toLowerCase(Locale.ROOT).contains(w.address("alice").substring(2).toLowerCase(Locale.ROOT)),
                        "the anonymous ratings name alice");
                // the page shows the same figures, in English and in Chinese (headless Chromium)
                Process browser = new ProcessBuilder("node", "src/test/browser/anonymous-ratings.js", site.url(), plan.toLowerCase(Locale.ROOT),
                        anon.get("average").asText(), anon.get("count").asText(), anon.get("registered").asText()).redirectErrorStream(true).start();
                String out = new String(browser.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(browser.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "browser test timed out:\n" + out);
                assertEquals(0, browser.exitValue(), out);
            }
        }
    }
}
