package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.contracts.ParametricPlan;
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
 * huzhu parametric … with the factory `huzhu deploy` records (issue 13): create with an oracle,
 * fund, buy cover in a region, the oracle's attestation posted, the member claims the preset 500
 * once (a second claim refused) and withdraws it.
 */
@ExtendWith(HardhatNodeExtension.class)
class ParametricCliIT {
    @Test
    void aCoveredMemberClaimsThePresetPayoutOnce(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            w.ok("faucet", "1000", "--account", "alice", "--yes");
            w.ok("faucet", "1000", "--account", "operator", "--yes");
            String plan = w.okJson("parametric", "create", "--oracle", "carol", "--contribution", "10", "--payout", "500",
                    "--account", "operator", "--yes").get("plan").asText();
            assertEquals("500", w.okJson("parametric", "fund", plan, "500", "--account", "operator", "--yes").get("reserve").asText());
            JsonNode cover = w.okJson("parametric", "cover", plan, "--region", "4401", "--periods", "3", "--account", "alice", "--yes");
            assertEquals("30", cover.get("paid").asText());
            w.advance(8 * 86_400);
            w.ok("oracle", "attest", plan, "--event", "7", "--region", "4401", "--severity", "5", "--post", "--account", "carol", "--yes");
            JsonNode claimed = w.okJson("parametric", "claim", plan, "--event", "7", "--region", "4401", "--account", "alice", "--yes");
            assertEquals("500", claimed.get("amount").asText());
            ParametricPlan p = ParametricPlan.load(plan, w.web3j, new ReadonlyTransactionManager(w.web3j, plan), new DefaultGasProvider());
            assertEquals(BigInteger.valueOf(500).multiply(BigInteger.TEN.pow(6)), p.memberOf(w.address("alice")).send().credit);
            CliRunner.Result again = w.cli.run("parametric", "claim", plan, "--event", "7", "--region", "4401", "--account", "alice", "--yes");
            assertEquals(ExitCodes.REVERTED, again.exit(), again.toString());
            assertTrue(again.errLine().toLowerCase().contains("already claimed"), again.errLine());
            assertEquals("500", w.okJson("parametric", "withdraw", plan, "--account", "alice", "--yes").get("amount").asText());
            CliRunner.Result badRegion = w.cli.run("parametric", "cover", plan, "--region", "0", "--account", "alice", "--yes");
            assertEquals(ExitCodes.USAGE, badRegion.exit(), badRegion.toString());
            assertEquals("huzhu: --region must be 1 to 4294967295 (got 0)", badRegion.errLine());
        }
    }
}
