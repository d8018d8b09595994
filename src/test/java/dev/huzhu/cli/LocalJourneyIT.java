package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/**
 * A new user's whole local journey with the CLI alone (issue 14): fresh wallets (no dev keys imported), the
 * "0 ETH" error pointing to `huzhu dev fund`, funding, deploy, a plan, joining, the waiting period passed
 * with `huzhu dev time`, a claim voted, finalized and withdrawn. No curl, no test-only helpers.
 */
@ExtendWith(HardhatNodeExtension.class)
class LocalJourneyIT {
    @TempDir
    Path tmp;

    @Test
    void aNewUserFinishesTheJourneyWithTheCliAlone(HardhatNode node) throws Exception {
        CliRunner cli = new CliRunner()
                .env("HUZHU_CONFIG_DIR", tmp.resolve("home").toString())
                .env("HUZHU_DEPLOYMENTS_DIR", tmp.resolve("deployments").toString())
                .env("HUZHU_RPC_URL", node.rpcUrl())
                .env("HUZHU_KEYSTORE_LIGHT", "1")
                .env("HUZHU_PASSWORD", "correct horse");
        for (String name : List.of("op", "a1", "a2", "alice")) {
            ok(cli, "wallet", "new", name);
        }
        // a fresh account has no ETH: the error says how to get some
        CliRunner.Result broke = cli.run("deploy", "--account", "op", "--yes");
        assertEquals(ExitCodes.REVERTED, broke.exit(), broke.toString());
        assertTrue(broke.errLine().endsWith("has 0 ETH, this transaction may cost up to " + broke.errLine().replaceAll(".*up to ([0-9.]+) ETH.*", "$1")
                + " ETH; on the local node run `huzhu dev fund op`"), broke.errLine());
        assertTrue(broke.errLine().startsWith("huzhu: not enough ETH for gas: op (0x"), broke.errLine());

        // before a deployment there is no MockUSD: ETH only, and it says so
        String funded = ok(cli, "dev", "fund", "op").out();
        assertTrue(funded.startsWith("funded op (0x") && funded.contains("+100 ETH (now 100 ETH); no MockUSD on chain 31337 yet"), funded);
        ok(cli, "deploy", "--account", "op", "--yes");
        // the rules come before the question (they are fixed forever); declining sends nothing
        String[] create = {"pool", "create", "--category", "education", "--contribution", "100", "--max-payout", "1000", "--fee-bps", "150",
                "--fee-receiver", "op", "--guardian", "a1", "--claim-bond", "5", "--assessor", "a1", "--account", "op"};
        CliRunner.Result declined = cli.runWithInput("n\n", create);
        assertEquals(ExitCodes.DECLINED, declined.exit(), declined.toString());
        String op = json(ok(cli, "wallet", "show", "op", "--json")).get("address").asText();
        String shown = declined.err();
        for (String rule : List.of("the new plan's rules (fixed forever", "category        education, prepaid", "contribution    100 mUSD per 30d period, grace 7d",
                "service fee     1.5% (150 bps) to " + op, "max payout      1000 mUSD per claim, 2000 mUSD per member per year",
                "waiting period  30d", "filing window   a loss must be claimed within 90d", "windows         assessment 7d, public notice 3d, jury 3d commit + 3d reveal",
                "bonds           claim 5 mUSD, challenge/appeal 0 mUSD", "jury            5 jurors per dispute", "assessors       1 of 1 must approve",
                "guardian        " + json(ok(cli, "wallet", "show", "a1", "--json")).get("address").asText(),
                "create an education plan (prepaid) with 1 assessor")) {
            assertTrue(shown.contains(rule), rule + " in\n" + shown);
        }
        assertTrue(shown.indexOf("waiting period") < shown.indexOf("send?"), shown);
        JsonNode plan = json(ok(cli, "pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000",
                "--assessor", "a1", "--assessor", "a2", "--quorum", "2", "--account", "op", "--yes", "--json"));
        assertEquals(0, plan.get("id").asInt(), "the declined create sent nothing");

        JsonNode aliceFunds = json(ok(cli, "dev", "fund", "alice", "1000", "--json"));
        assertEquals("1000", aliceFunds.get("tokenBalance").asText());
        assertEquals("100", aliceFunds.get("eth").asText());
        ok(cli, "dev", "fund", "a1", "0", "--eth", "1");
        ok(cli, "dev", "fund", "a2", "0", "--eth", "1");
        Web3j web3j = Web3j.build(new HttpService(node.rpcUrl()));
        String a1 = json(ok(cli, "wallet", "show", "a1", "--json")).get("address").asText();
        assertEquals(BigInteger.TEN.pow(18), web3j.ethGetBalance(a1, DefaultBlockParameterName.LATEST).send().getBalance());
        JsonNode accounts = json(ok(cli, "dev", "accounts", "--json"));
        JsonNode aliceRow = null;
        for (JsonNode a : accounts.get("accounts")) {
            aliceRow = "alice".equals(a.get("name").asText()) ? a : aliceRow;
        }
        assertEquals("1000", aliceRow.get("token").asText(), accounts.toString());

        ok(cli, "member", "join", "--plan", "0", "--amount", "300", "--account", "alice", "--yes");
        Path evidence = Files.writeString(tmp.resolve("invoice.txt"), "hospital invoice, 250 USD");
        String[] submit = {"claim", "submit", "--plan", "0", "--amount", "250", "--evidence", evidence.toString(), "--account", "alice", "--yes", "--json"};
        CliRunner.Result early = cli.run(submit);
        assertEquals(ExitCodes.REVERTED, early.exit(), early.toString());
        assertTrue(early.errLine().startsWith("huzhu: cannot claim yet: waiting period ends "), early.errLine());

        JsonNode moved = json(ok(cli, "dev", "time", "+30d", "--json"));
        assertTrue(moved.get("now").asLong() - moved.get("before").asLong() >= 30 * 86_400L, moved.toString());
        long id = json(ok(cli, submit)).get("claimId").asLong();
        ok(cli, "claim", "vote", Long.toString(id), "approve", "--plan", "0", "--account", "a1", "--yes");
        ok(cli, "claim", "vote", Long.toString(id), "approve", "--plan", "0", "--account", "a2", "--yes");
        ok(cli, "dev", "time", "+3d");
        ok(cli, "dev", "time", "+1m");
        JsonNode fin = json(ok(cli, "claim", "finalize", Long.toString(id), "--plan", "0", "--account", "alice", "--yes", "--json"));
        assertEquals("paid", fin.get("outcome").asText());

        String usdAddress = json(ok(cli, "pool", "show", "0", "--json")).get("asset").asText();
        Erc20Token usd = new Erc20Token(web3j, usdAddress);
        String alice = json(ok(cli, "wallet", "show", "alice", "--json")).get("address").asText();
        BigInteger before = usd.balanceOf(alice);
        JsonNode out = json(ok(cli, "member", "withdraw", "--plan", "0", "--amount", "250", "--account", "alice", "--yes", "--json"));
        assertEquals("250", out.get("amount").asText());
        assertEquals(before.add(BigInteger.valueOf(250_000_000)), usd.balanceOf(alice), "the paid claim reached alice's wallet");

        // --dry-run: the approval the deposit needs and the deposit's calldata, nothing sent (same nonce)
        BigInteger nonce = web3j.ethGetTransactionCount(alice, DefaultBlockParameterName.LATEST).send().getTransactionCount();
        String dry = ok(cli, "member", "deposit", "--plan", "0", "--amount", "12.5", "--account", "alice", "--dry-run").out();
        String plan0 = plan.get("plan").asText();
        assertTrue(dry.startsWith("dry run, nothing sent: approve plan " + plan0 + " to take 12.5 mUSD"), dry);
        assertTrue(dry.contains("  data   0x095ea7b3"), "approve(address,uint256): " + dry);
        assertTrue(dry.contains("then, once the approval is mined") && dry.contains("  to     " + plan0 + "\n  data   0xb6b55f25"), "deposit(uint256): " + dry);
        assertEquals(nonce, web3j.ethGetTransactionCount(alice, DefaultBlockParameterName.LATEST).send().getTransactionCount());
        // --confirmations 0: the approval is waited for (the deposit needs it), the deposit is sent and not waited for
        JsonNode quick = json(ok(cli, "member", "deposit", "--plan", "0", "--amount", "12.5", "--account", "alice", "--yes", "--confirmations", "0", "--json"));
        assertEquals(false, quick.get("waited").asBoolean());
        String hash = quick.get("tx").get("hash").asText();
        assertTrue(web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().isPresent(), "sent (Hardhat mines at once)");
        // ETH_RPC_URL, as cast reads it
        CliRunner castLike = cli.copy().env("HUZHU_RPC_URL", null).env("ETH_RPC_URL", node.rpcUrl());
        assertEquals(0, castLike.run("dev", "time").exit());

        // a loss dated before cover began is named as such (not "waiting period ends <a past date>")
        JsonNode aliceStatus = json(ok(cli, "member", "status", "alice", "--plan", "0", "--json")).get("memberships").get(0);
        long joinedAt = aliceStatus.get("joinedAt").asLong();
        String[] early2 = {"claim", "submit", "--plan", "0", "--amount", "10", "--evidence", evidence.toString(), "--account", "alice", "--yes",
                "--incurred-at", Long.toString(joinedAt - 86_400)};
        CliRunner.Result beforeCover = cli.run(early2);
        assertEquals(ExitCodes.REVERTED, beforeCover.exit(), beforeCover.toString());
        assertEquals("huzhu: the loss date " + utc(joinedAt - 86_400) + " is before cover began on " + utc(aliceStatus.get("eligibleAt").asLong())
                + " (the end of the waiting period): a loss from before cover cannot be claimed", beforeCover.errLine());

        // status words: 200 in the balance after the paid-through date is covered (not "lapsing"); unpaid inside the grace is
        // lapsing; a deposit that pays started periods says so; a member who left has no "covered until"
        ok(cli, "wallet", "new", "bob");
        ok(cli, "dev", "fund", "bob", "1000");
        ok(cli, "member", "join", "--plan", "0", "--amount", "300", "--account", "bob", "--yes");
        JsonNode bob = json(ok(cli, "member", "status", "bob", "--plan", "0", "--json")).get("memberships").get(0);
        long bobJoined = bob.get("joinedAt").asLong();
        assertEquals("200", bob.get("balance").asText(), "300 less the first 100 contribution");
        assertEquals(bobJoined + 90 * 86_400L, bob.get("coveredUntil").asLong(), "one period paid + 200 pays two more");
        ok(cli, "dev", "time", "+31d");
        bob = json(ok(cli, "member", "status", "bob", "--plan", "0", "--json")).get("memberships").get(0);
        assertEquals("covered", bob.get("status").asText(), "paid-through date passed, but the balance pays the period: " + bob);
        assertEquals(bobJoined + 30 * 86_400L, bob.get("paidThrough").asLong(), "as stored (not settled yet)");
        assertEquals(bobJoined + 90 * 86_400L, bob.get("coveredUntil").asLong());
        ok(cli, "dev", "time", "+60d");
        bob = json(ok(cli, "member", "status", "bob", "--plan", "0", "--json")).get("memberships").get(0);
        assertEquals("lapsing", bob.get("status").asText(), bob.toString());
        assertEquals(bobJoined + 97 * 86_400L, bob.get("graceEnds").asLong(), "paid through day 90, 7 days of grace");
        assertTrue(ok(cli, "member", "status", "bob", "--plan", "0").out().contains("deposit before " + utc(bobJoined + 97 * 86_400L)));
        String deposited = ok(cli, "member", "deposit", "--plan", "0", "--amount", "150", "--account", "bob", "--yes").out();
        assertTrue(deposited.startsWith("deposited 150 mUSD; 300 mUSD of the balance went to 3 contribution periods already started (arrears: no cover from "
                + utc(bobJoined + 90 * 86_400L) + " until now, a loss then cannot be claimed), covered until " + utc(bobJoined + 120 * 86_400L)
                + "; free balance 50 mUSD"), deposited);
        ok(cli, "member", "leave", "--plan", "0", "--account", "bob", "--yes");
        bob = json(ok(cli, "member", "status", "bob", "--plan", "0", "--json")).get("memberships").get(0);
        assertEquals("not active", bob.get("status").asText());
        assertTrue(bob.get("coveredUntil").isNull(), bob.toString());
        String left = ok(cli, "member", "status", "bob", "--plan", "0").out();
        assertTrue(left.lines().anyMatch(l -> l.matches("\\s*0\\s+not active\\s+\\S+ mUSD\\s+-\\s+-\\s+.*")), left);

        // other networks are refused in one line, before any connection
        CliRunner.Result remote = cli.run("dev", "fund", "alice", "--network", "sepolia");
        assertEquals(ExitCodes.USAGE, remote.exit(), remote.toString());
        assertEquals("huzhu: `huzhu dev` works on a local development chain only; network 'sepolia' (chain 11155111) is not one", remote.errLine());
    }

    private static CliRunner.Result ok(CliRunner cli, String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.exit(), () -> String.join(" ", args) + "\n" + r);
        return r;
    }

    private static String utc(long seconds) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochSecond(seconds));
    }

    private static JsonNode json(CliRunner.Result r) {
        return CliWorld.json(r);
    }

}
