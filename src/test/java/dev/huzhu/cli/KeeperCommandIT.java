package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `huzhu keeper --once` through the CLI: it finalizes the claim whose notice has ended and nothing else; bad input is one line. */
@ExtendWith(HardhatNodeExtension.class)
class KeeperCommandIT {
    static final long DAY = 86_400;

    @Test
    void oneKeeperPassFinalizesTheRipeClaimOnly(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            w.ok("pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000", "--waiting", "30d",
                    "--assessment", "7d", "--notice", "3d", "--assessor", w.address("assessor1"), "--assessor", w.address("assessor2"),
                    "--assessor", w.address("assessor3"), "--quorum", "2", "--account", "operator", "--yes");
            for (String m : new String[] {"alice", "bob"}) {
                w.ok("faucet", "1000", "--account", m, "--yes");
                w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", m, "--yes");
            }
            w.advance(31 * DAY);
            java.nio.file.Path evidence = w.file("invoice.txt", "invoice");
            String ripe = w.okJson("claim", "submit", "--plan", "0", "--amount", "250", "--evidence", evidence.toString(), "--account", "alice", "--yes")
                    .get("claimId").asText();
            w.ok("claim", "vote", ripe, "approve", "--plan", "0", "--account", "assessor1", "--yes");
            w.ok("claim", "vote", ripe, "approve", "--plan", "0", "--account", "assessor2", "--yes");
            w.advance(3 * DAY + 1);
            String unripe = w.okJson("claim", "submit", "--plan", "0", "--amount", "100", "--evidence", evidence.toString(), "--account", "bob", "--yes")
                    .get("claimId").asText();

            BigInteger nonce = w.nonce(w.address("passer"));
            JsonNode pass = w.okJson("keeper", "--once", "--account", "passer");
            assertEquals(1, pass.get("sent").size(), pass.toString());
            assertEquals(ripe, pass.get("sent").get(0).get("claimId").asText());
            assertEquals("finalize", pass.get("sent").get(0).get("action").asText());
            assertEquals(0, pass.get("skipped").size());
            assertEquals(nonce.add(BigInteger.ONE), w.nonce(w.address("passer")));
            assertEquals("paid", w.okJson("claim", "show", ripe, "--plan", "0").get("status").asText());
            assertEquals("submitted", w.okJson("claim", "show", unripe, "--plan", "0").get("status").asText());

            // the claimant collects everything withdrawable in one go (pull payments: payouts are credited to the free balance)
            dev.huzhu.contracts.AidPool plan = dev.huzhu.contracts.AidPool.load(w.okJson("pool", "show", "0").get("address").asText(), w.web3j,
                    new org.web3j.tx.ReadonlyTransactionManager(w.web3j, w.address("alice")), new org.web3j.tx.gas.DefaultGasProvider());
            BigInteger withdrawable = plan.withdrawable(w.address("alice")).send();
            assertTrue(withdrawable.signum() > 0);
            dev.huzhu.chain.Erc20Token usd = new dev.huzhu.chain.Erc20Token(w.web3j, plan.rules().send().asset);
            BigInteger wallet = usd.balanceOf(w.address("alice"));
            JsonNode all = w.okJson("member", "withdraw", "--plan", "0", "--all", "--account", "alice", "--yes");
            assertEquals(dev.huzhu.protocol.TokenAmount.format(withdrawable, 6), all.get("amount").asText());
            assertEquals(wallet.add(withdrawable), usd.balanceOf(w.address("alice")));
            assertEquals(BigInteger.ZERO, plan.withdrawable(w.address("alice")).send());
            CliRunner.Result nothing = w.cli.run("member", "withdraw", "--plan", "0", "--all", "--account", "alice", "--yes");
            assertEquals(ExitCodes.REVERTED, nothing.exit(), nothing.toString());
            assertTrue(nothing.errLine().startsWith("huzhu: nothing to withdraw: "), nothing.errLine());
            CliRunner.Result both = w.cli.run("member", "withdraw", "--plan", "0", "--all", "--amount", "1", "--account", "alice", "--yes");
            assertEquals(ExitCodes.USAGE, both.exit(), both.toString());
            assertEquals("huzhu: give either --amount AMOUNT or --all", both.errLine());

            CliRunner.Result text = w.ok("keeper", "--once", "--account", "passer");
            assertTrue(text.out().contains("0 sent, 0 skipped"), text.out());

            CliRunner.Result bad = w.cli.run("keeper", "--once", "--interval", "0s", "--account", "passer");
            assertEquals(ExitCodes.USAGE, bad.exit(), bad.toString());
            assertEquals("huzhu: --interval must be at least 1 second, got 0s", bad.errLine());
        }
    }
}
