package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.protocol.TokenAmount;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Protocol v3 through the CLI: a claim paid in part shows paid and owed (claim show, records) as the
 * contract's claimPayment says; members vote a plan closed (pool close), anyone prepares its exits
 * (pool wind-down --prepare), member status shows what leaving pays and leaving pays exactly that
 * (the token's balances); a creator closes a plan nobody joined; bad input is one line, nothing sent.
 */
@ExtendWith(HardhatNodeExtension.class)
class WindDownCliIT {
    static final long DAY = 86_400;

    @Test
    void paidOwedCloseWindDownAndTheExitAmountAreTheChains(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            w.ok("pool", "create", "--category", "medical", "--contribution", "20", "--max-payout", "1000", "--assessor", w.address("assessor1"),
                    "--assessor", w.address("assessor2"), "--assessor", w.address("assessor3"), "--quorum", "2", "--account", "operator", "--yes");
            for (String m : new String[] {"alice", "bob", "carol"}) {
                w.ok("faucet", "1000", "--account", m, "--yes");
                w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", m, "--yes");
            }
            String planAddress = w.okJson("pool", "show", "0").get("address").asText();
            AidPool plan = AidPool.load(planAddress, w.web3j, new ReadonlyTransactionManager(w.web3j, planAddress), new DefaultGasProvider());
            w.advance(31 * DAY);
            Path evidence = w.file("invoice.txt", "invoice");
            String id = w.okJson("claim", "submit", "--plan", "0", "--amount", "1000", "--evidence", evidence.toString(), "--account", "alice", "--yes")
                    .get("claimId").asText();
            w.ok("claim", "vote", id, "approve", "--plan", "0", "--account", "assessor1", "--yes");
            w.ok("claim", "vote", id, "approve", "--plan", "0", "--account", "assessor2", "--yes");
            w.advance(3 * DAY + 1);
            w.ok("claim", "finalize", id, "--plan", "0", "--account", "passer", "--yes");

            // paid and owed = claimPayment, in token units
            var payment = plan.claimPayment(new BigInteger(id)).send();
            assertTrue(payment.component2().signum() > 0, "the reserve held less than 1,000: the rest is owed");
            JsonNode shown = w.okJson("claim", "show", id, "--plan", "0");
            assertEquals(TokenAmount.format(payment.component1(), 6), shown.get("paid").asText());
            assertEquals(TokenAmount.format(payment.component2(), 6), shown.get("owed").asText());
            assertTrue(w.ok("claim", "show", id, "--plan", "0").out().contains(TokenAmount.format(payment.component2(), 6) + " mUSD owed"));
            JsonNode records = w.okJson("records", w.address("alice")).get("claims").get(0);
            assertEquals(TokenAmount.format(payment.component1(), 6), records.get("paid").asText());
            assertEquals(TokenAmount.format(payment.component2(), 6), records.get("owed").asText());
            assertEquals("mUSD", records.get("symbol").asText());
            assertTrue(w.ok("records", w.address("alice")).out().contains(TokenAmount.format(payment.component2(), 6) + " mUSD owed"));

            // members vote to close: 1 of 3 is not enough, 2 of 3 close it (= windDown())
            JsonNode first = w.okJson("pool", "close", "0", "--account", "bob", "--yes");
            assertEquals("voteToClose", first.get("action").asText());
            assertFalse(first.get("closed").asBoolean());
            assertEquals(plan.closeVotes().send().component2().longValue(), first.get("windDown").get("closeVotes").asLong());
            JsonNode second = w.okJson("pool", "close", "0", "--account", "carol", "--yes");
            assertTrue(second.get("closed").asBoolean());
            var wd = plan.windDown().send();
            assertTrue(wd.component1());
            JsonNode state = w.okJson("pool", "wind-down", "0");
            assertEquals(wd.component2().longValue(), state.get("closedAt").asLong());
            assertEquals("members-vote", state.get("closeReason").asText());
            assertFalse(state.get("exitsOpen").asBoolean());

            // anyone prepares the exits: the owed claim is paid from the reserve first, then the reserve is shared
            JsonNode prepared = w.okJson("pool", "wind-down", "0", "--prepare", "--account", "passer", "--yes");
            wd = plan.windDown().send();
            assertTrue(wd.component4(), "windDown().exitsOpen");
            assertTrue(prepared.get("exitsOpen").asBoolean());
            assertEquals(TokenAmount.format(wd.component5(), 6), prepared.get("exitPool").asText());
            assertEquals(wd.component6().longValue(), prepared.get("exitShares").asLong());

            // member status shows what leaving pays; leaving pays exactly that (the token's balances)
            JsonNode exit = w.okJson("member", "status", "--account", "bob", "--plan", "0").get("memberships").get(0).get("exit");
            assertTrue(exit.get("exitsOpen").asBoolean());
            Erc20Token usd = new Erc20Token(w.web3j, plan.rules().send().asset);
            BigInteger before = usd.balanceOf(w.address("bob"));
            w.ok("member", "leave", "--plan", "0", "--account", "bob", "--yes");
            assertEquals(TokenAmount.format(usd.balanceOf(w.address("bob")).subtract(before), 6), exit.get("amount").asText(),
                    "member status's exit amount = the tokens leave() moved");
            // (here prepareExits paid the owed claim from the whole reserve first, so the share is what is left of it)
            assertTrue(w.ok("member", "status", "--account", "carol", "--plan", "0").out().contains("leaving pays"));

            // the creator closes a plan nobody joined
            w.ok("pool", "create", "--category", "other", "--contribution", "5", "--max-payout", "100", "--assessor", w.address("assessor1"),
                    "--account", "operator", "--yes");
            JsonNode byCreator = w.okJson("pool", "close", "1", "--account", "operator", "--yes");
            assertEquals("closeByCreator", byCreator.get("action").asText());
            assertEquals("creator", byCreator.get("windDown").get("closeReason").asText());

            // bad input: one line, a non-zero exit, nothing sent
            BigInteger nonce = w.nonce(w.address("operator"));
            CliRunner.Result again = w.cli.run("pool", "close", "1", "--account", "operator", "--yes");
            assertEquals(ExitCodes.REVERTED, again.exit(), again.toString());
            assertTrue(again.errLine().startsWith("huzhu: "), again.toString());
            assertEquals(1, again.err().strip().lines().filter(l -> l.startsWith("huzhu: ")).count(), again.toString());
            assertEquals(nonce, w.nonce(w.address("operator")));
            CliRunner.Result steps = w.cli.run("pool", "wind-down", "0", "--prepare", "--steps", "0", "--account", "passer", "--yes");
            assertEquals(ExitCodes.USAGE, steps.exit(), steps.toString());
            assertEquals("huzhu: --steps must be between 1 and 10000, got 0", steps.errLine());
            CliRunner.Result missing = w.cli.run("pool", "wind-down", "7");
            assertEquals(ExitCodes.NOT_FOUND, missing.exit(), missing.toString());
        }
    }
}
