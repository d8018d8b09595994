package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.privacy.ChainUploaders;
import dev.huzhu.privacy.Cid;
import dev.huzhu.privacy.DocumentStore;
import dev.huzhu.web.DocumentRoutes;
import dev.huzhu.web.WebServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/**
 * Encrypted evidence through the CLI against a real node and a real store (uploads checked against the
 * plan's views): each party's round trip, a stranger "not granted", a tampered store file refused,
 * revocation as key rotation, and the chain holding only the ciphertext's hash.
 */
@ExtendWith(HardhatNodeExtension.class)
class EvidenceIT {
    static final long DAY = 86_400;
    static final String INVOICE = "hospital invoice 2026-1126: appendectomy, patient Wang Xiaoming, 250.00 USD";

    @Test
    void evidenceReachesItsReadersAndNobodyElse(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            w.ok("pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000", "--waiting", "30d",
                    "--assessor", w.address("assessor1"), "--assessor", w.address("assessor2"), "--assessor", w.address("assessor3"),
                    "--quorum", "2", "--account", "operator", "--yes");
            String factory = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(tmp.resolve("deployments/31337.json")))
                    .get("contracts").get("AidPoolFactory").get("address").asText();
            DocumentStore store = new DocumentStore(tmp.resolve("store"), DocumentStore.DEFAULT_MAX_BYTES);
            IndexDatabase index = IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("i.db"));
            try (WebServer server = WebServer.start(index, 31337, "127.0.0.1", 0, null,
                    new DocumentRoutes(store, new ChainUploaders(w.web3j, List.of(factory), List.of())))) {
                String s = server.url();
                for (String m : new String[] {"alice", "bob", "carol"}) {
                    w.ok("faucet", "1000", "--account", m, "--yes");
                    w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", m, "--yes");
                }
                for (String a : new String[] {"assessor1", "assessor2", "bob", "carol"}) { // assessor3 publishes no key
                    w.ok("member", "publish-key", "--plan", "0", "--account", a, "--yes");
                }
                w.advance(31 * DAY);
                Path invoice = w.file("invoice.txt", INVOICE);
                Path scan = w.file("scan.bin", "JPEG-ish bytes of a scanned receipt");
                CliRunner.Result submitted = w.ok("claim", "submit", "--plan", "0", "--amount", "250", "--evidence", invoice.toString(),
                        "--evidence", scan.toString(), "--encrypt", "--store", s, "--account", "alice", "--yes", "--json");
                JsonNode claim = CliWorld.json(submitted);
                assertTrue(submitted.err().contains(w.address("assessor3") + " has published no encryption key"), submitted.err());
                String id = claim.get("claimId").asText();
                Cid cid = Cid.parse(claim.get("evidenceId").asText());
                // on chain: the ciphertext's sha2-256 only (the claim's evidence hash), and the ciphertext is what the store holds
                assertEquals(cid.digestHex(), claim.get("evidenceHash").asText());
                byte[] stored = Files.readAllBytes(store.dir().resolve(cid.toString()));
                assertEquals(cid, Cid.of(stored));
                assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Wang"), "plaintext in the store");
                assertEquals(List.of(w.address("alice"), w.address("assessor1"), w.address("assessor2")),
                        List.of(claim.get("readers").get(0).asText(), claim.get("readers").get(1).asText(), claim.get("readers").get(2).asText()));

                // round trip for the claimant and each assessor holding a wrap
                for (String reader : new String[] {"alice", "assessor1", "assessor2"}) {
                    Path out = tmp.resolve("out-" + reader);
                    w.ok("claim", "evidence", id, "--plan", "0", "--out", out.toString(), "--store", s, "--account", reader);
                    assertEquals(INVOICE, Files.readString(out.resolve("invoice.txt")));
                    assertEquals("JPEG-ish bytes of a scanned receipt", Files.readString(out.resolve("scan.bin")));
                }
                // no wrap: a member who was never granted, and the assessor without a published key
                for (String stranger : new String[] {"bob", "assessor3"}) {
                    CliRunner.Result r = w.cli.run("claim", "evidence", id, "--plan", "0", "--out", tmp.resolve("x-" + stranger).toString(),
                            "--store", s, "--account", stranger);
                    assertEquals(ExitCodes.NOT_GRANTED, r.exit(), r.toString());
                    assertTrue(r.errLine().contains("is not granted document 1 of claim #" + id), r.errLine());
                    assertFalse(Files.exists(tmp.resolve("x-" + stranger).resolve("invoice.txt")));
                }

                // the claimant grants bob: he reads; then revokes him and adds a document: bob reads no more
                w.ok("claim", "grant", id, "--plan", "0", "--reader", "bob", "--store", s, "--account", "alice", "--yes");
                w.ok("claim", "evidence", id, "--plan", "0", "--out", tmp.resolve("bob1").toString(), "--store", s, "--account", "bob");
                assertEquals(INVOICE, Files.readString(tmp.resolve("bob1/invoice.txt")));
                w.ok("claim", "revoke", id, "--plan", "0", "--reader", "bob", "--account", "alice", "--yes");
                Path later = w.file("discharge.txt", "discharge letter, ward 7");
                JsonNode added = w.okJson("claim", "add-evidence", id, "--plan", "0", "--evidence", later.toString(), "--store", s,
                        "--account", "alice", "--yes");
                assertFalse(added.get("readers").toString().contains(w.address("bob")), added.toString());
                CliRunner.Result revoked = w.cli.run("claim", "evidence", id, "--plan", "0", "--out", tmp.resolve("bob2").toString(),
                        "--store", s, "--account", "bob");
                assertEquals(ExitCodes.NOT_GRANTED, revoked.exit(), revoked.toString());
                assertTrue(revoked.errLine().contains("is not granted document 2"), revoked.errLine());
                w.ok("claim", "evidence", id, "--plan", "0", "--out", tmp.resolve("a2").toString(), "--store", s, "--account", "assessor1");
                assertEquals("discharge letter, ward 7", Files.readString(tmp.resolve("a2/discharge.txt")));

                // a dispute: the assessors reject, alice appeals, the panel is drawn (every other member: bob, carol); an assessor who
                // holds the key wraps it for the drawn jurors without the claimant, and a juror reads both documents
                w.ok("claim", "vote", id, "reject", "--plan", "0", "--account", "assessor1", "--yes");
                w.ok("claim", "vote", id, "reject", "--plan", "0", "--account", "assessor2", "--yes");
                w.ok("claim", "appeal", id, "--plan", "0", "--account", "alice", "--yes");
                CliRunner.Result early = w.cli.run("claim", "evidence", id, "--plan", "0", "--out", tmp.resolve("carol0").toString(), "--store", s, "--account", "carol");
                assertEquals(ExitCodes.NOT_GRANTED, early.exit(), early.toString());
                w.ok("claim", "jury", "commit", id, "approve", "--plan", "0", "--account", "carol", "--yes"); // draws the panel
                JsonNode juryGrant = w.okJson("claim", "grant", id, "--plan", "0", "--jury", "--store", s, "--account", "assessor1", "--yes");
                assertTrue(juryGrant.get("readers").toString().contains(w.address("carol")), juryGrant.toString());
                w.ok("claim", "evidence", id, "--plan", "0", "--out", tmp.resolve("carol").toString(), "--store", s, "--account", "carol");
                assertEquals(INVOICE, Files.readString(tmp.resolve("carol/invoice.txt")));
                assertEquals("discharge letter, ward 7", Files.readString(tmp.resolve("carol/discharge.txt")));
                // a member who is not on the panel may not be granted by an assessor (the contract checks the draw)
                w.ok("member", "publish-key", "--plan", "0", "--account", "passer", "--yes");
                CliRunner.Result notJuror = w.cli.run("claim", "grant", id, "--plan", "0", "--reader", "passer", "--store", s, "--account", "assessor1", "--yes");
                assertEquals(ExitCodes.REVERTED, notJuror.exit(), notJuror.toString());
                assertTrue(notJuror.errLine().contains("NotADrawnJuror") || notJuror.errLine().toLowerCase(java.util.Locale.ROOT).contains("juror"),
                        notJuror.errLine());

                // published rules: the text goes to the store after the plan; pool show reads it back and checks the on-chain hash
                String rulesText = "# Medical plan 2\nPays hospital bills up to 1000.\n";
                JsonNode created = w.okJson("pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000",
                        "--assessor", w.address("assessor1"), "--rules", w.file("rules2.md", rulesText).toString(), "--store", s,
                        "--account", "operator", "--yes");
                Cid rulesId = Cid.of(rulesText.getBytes(StandardCharsets.UTF_8));
                assertEquals(rulesId.toString(), created.get("rulesId").asText());
                JsonNode shown = w.okJson("pool", "show", created.get("plan").asText(), "--store", s);
                assertEquals(rulesId.digestHex(), shown.get("rulesHash").asText()); // the chain's hash is the text's sha2-256
                assertEquals("verified against the on-chain hash", shown.get("rulesStatus").asText());
                assertEquals(rulesText.strip(), shown.get("rulesText").asText());
                // a public review: its text in the store under the id the chain's PlanRated names
                String reviewText = "Paid within the week, clear rules.";
                JsonNode rated = w.okJson("rate", "4", "--plan", "0", "--review", reviewText, "--store", s,
                        "--account", "bob", "--yes");
                Cid reviewId = Cid.of(reviewText.getBytes(StandardCharsets.UTF_8));
                assertEquals(reviewId.digestHex(), rated.get("reviewHash").asText());
                assertEquals(reviewText, Files.readString(store.dir().resolve(reviewId.toString())));

                // the page shows both texts, checked in the browser against the chain's hashes (index first: the page reads it)
                try (dev.huzhu.indexer.ChainSource source = new dev.huzhu.indexer.ChainSource(node.rpcUrl());
                     dev.huzhu.indexer.Indexer indexer = new dev.huzhu.indexer.Indexer(index, source, 31337,
                             dev.huzhu.indexer.IndexerSettings.of(List.of(factory), List.of(), 0, 0, dev.huzhu.indexer.Finality.LATEST),
                             dev.huzhu.protocol.EventDecoder.packaged(), null)) {
                    indexer.run(true, () -> false);
                }
                Path shots = HardhatNodeExtension.projectDir().resolve("target/screenshots");
                Files.createDirectories(shots);
                String plan0 = w.okJson("pool", "show", "0").get("address").asText();
                Process browser = new ProcessBuilder("node", "src/test/browser/documents-page.js", s, created.get("plan").asText(), rulesText,
                        plan0, reviewText, shots.toString()).directory(HardhatNodeExtension.projectDir().toFile()).redirectErrorStream(true).start();
                String page = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(browser.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "browser test timed out:\n" + page);
                assertEquals(0, browser.exitValue(), page);

                // a stranger cannot even upload; an altered store file is refused on read (exit 3: the store answers 500)
                CliRunner.Result upload = w.cli.run("claim", "submit", "--plan", "0", "--amount", "10", "--evidence", invoice.toString(),
                        "--encrypt", "--store", s, "--account", "passer", "--yes");
                assertEquals(ExitCodes.NETWORK, upload.exit(), upload.toString());
                assertTrue(upload.errLine().contains("neither a member nor an assessor"), upload.errLine());
                byte[] altered = stored.clone();
                altered[40] ^= 1;
                Files.write(store.dir().resolve(cid.toString()), altered);
                CliRunner.Result tampered = w.cli.run("claim", "evidence", id, "--plan", "0", "--out", tmp.resolve("t").toString(),
                        "--store", s, "--account", "assessor1");
                assertTrue(tampered.exit() != 0 && tampered.errLine().contains("does not match its id"), tampered.toString());

                // the chain's ClaimSubmitted names the ciphertext's hash, not the plaintext's
                String hashOnChain = w.okJson("claim", "show", id, "--plan", "0").path("evidenceHash").asText(null);
                if (hashOnChain != null) {
                    assertEquals(cid.digestHex(), hashOnChain);
                }
                assertFalse(Numeric.toHexString(org.web3j.crypto.Hash.sha3(INVOICE.getBytes(StandardCharsets.UTF_8))).equals(cid.digestHex()));
            }
        }
    }
}
