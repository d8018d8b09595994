package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.contracts.ParametricPlan;
import dev.huzhu.contracts.ParametricPlanFactory;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * `huzhu oracle attest` (issue 13): the plan's oracle signs an EIP-712 attestation with a keystore
 * account; the plan itself verifies it (posted by the CLI with --post, or by anyone else from the
 * printed signature), a member of the region then claims; a non-oracle account, a future time and
 * bad values are refused in one line.
 */
@ExtendWith(HardhatNodeExtension.class)
class OracleCommandIT {
    static final long DAY = 86_400;
    static final BigInteger USD = BigInteger.TEN.pow(6);

    @Test
    void theOracleSignsThePlanVerifiesAMemberClaims(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node); ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            List<Credentials> keys = DevAccounts.first(14);
            Credentials operator = keys.get(0);
            Credentials alice = keys.get(6); // CliWorld's "alice" (dev accounts 5.. are its names)
            assertTrue(alice.getAddress().equalsIgnoreCase(w.address("alice")), "CliWorld's alice is dev account 6");
            MockUSD usd = MockUSD.deploy(chain.web3j(), chain.transactionManager(operator), chain.gasProvider(), operator.getAddress()).send();
            String impl = ParametricPlan.deploy(chain.web3j(), chain.transactionManager(operator), chain.gasProvider()).send().getContractAddress();
            ParametricPlanFactory factory = ParametricPlanFactory.deploy(chain.web3j(), chain.transactionManager(operator), chain.gasProvider(), impl).send();
            var created = factory.createPlan(new ParametricPlanFactory.ParametricTerms(usd.getContractAddress(), w.address("carol"),
                    USD.multiply(BigInteger.TEN), USD.multiply(BigInteger.valueOf(500)), BigInteger.valueOf(30 * DAY), BigInteger.valueOf(7 * DAY),
                    BigInteger.valueOf(14 * DAY), BigInteger.valueOf(3), BigInteger.valueOf(12))).send();
            String planAddress = ParametricPlanFactory.getParametricPlanCreatedEvents(created).get(0).plan;
            ParametricPlan asAlice = ParametricPlan.load(planAddress, chain.web3j(), chain.transactionManager(alice), chain.gasProvider());
            usd.mint(alice.getAddress(), USD.multiply(BigInteger.valueOf(1000))).send();
            MockUSD.load(usd.getContractAddress(), chain.web3j(), chain.transactionManager(alice), chain.gasProvider())
                    .approve(planAddress, USD.multiply(BigInteger.valueOf(1000))).send();
            asAlice.buyCover(BigInteger.valueOf(4401), BigInteger.valueOf(12)).send();
            asAlice.fund(USD.multiply(BigInteger.valueOf(500))).send(); // the reserve holds one payout at least
            w.advance(8 * DAY); // past the waiting period

            // signed only: the signature from the JSON, posted by someone else, is accepted by the plan
            JsonNode signed = w.okJson("oracle", "attest", planAddress, "--event", "7", "--region", "4401", "--severity", "5",
                    "--nonce", "11", "--account", "carol");
            assertEquals("7", signed.get("eventId").asText());
            ParametricPlan.Attestation a = new ParametricPlan.Attestation(BigInteger.valueOf(7), BigInteger.valueOf(4401), BigInteger.valueOf(5),
                    BigInteger.valueOf(signed.get("eventTime").asLong()), BigInteger.valueOf(11), BigInteger.valueOf(signed.get("deadline").asLong()));
            asAlice.attest(a, Numeric.hexStringToByteArray(signed.get("signature").asText())).send();
            assertTrue(asAlice.disasterOf(BigInteger.valueOf(7), BigInteger.valueOf(4401)).send().windowEnd.signum() > 0, "the window is open");
            asAlice.claim(BigInteger.valueOf(7), BigInteger.valueOf(4401)).send();
            assertEquals(USD.multiply(BigInteger.valueOf(500)), asAlice.memberOf(alice.getAddress()).send().credit, "the preset payout, credited");

            // --post: the CLI sends it; a second event in the same region opens its own window
            JsonNode posted = w.okJson("oracle", "attest", planAddress, "--event", "8", "--region", "4401", "--severity", "4",
                    "--post", "--account", "carol", "--yes");
            assertTrue(posted.get("tx").get("hash").asText().startsWith("0x"), posted.toString());
            assertEquals(4, asAlice.disasterOf(BigInteger.valueOf(8), BigInteger.valueOf(4401)).send().severity.intValue());

            // refusals: one line each, nothing sent
            BigInteger nonce = w.nonce(w.address("alice"));
            CliRunner.Result notOracle = w.cli.run("oracle", "attest", planAddress, "--event", "9", "--region", "4401", "--severity", "5",
                    "--post", "--account", "alice", "--yes");
            assertEquals(ExitCodes.USAGE, notOracle.exit(), notOracle.toString());
            assertTrue(notOracle.errLine().toLowerCase().contains("the oracle of plan " + planAddress.toLowerCase()) && notOracle.errLine().contains("would refuse"), notOracle.errLine());
            assertEquals(nonce, w.nonce(w.address("alice")));
            CliRunner.Result future = w.cli.run("oracle", "attest", planAddress, "--event", "9", "--region", "4401", "--severity", "5",
                    "--time", "2099-01-01T00:00:00Z", "--account", "carol");
            assertEquals(ExitCodes.USAGE, future.exit(), future.toString());
            assertTrue(future.errLine().contains("is in the future"), future.errLine());
            CliRunner.Result region = w.cli.run("oracle", "attest", planAddress, "--event", "9", "--region", "0", "--severity", "5", "--account", "carol");
            assertEquals(ExitCodes.USAGE, region.exit(), region.toString());
            assertEquals("huzhu: --region must be between 1 and 4294967295, got 0", region.errLine());
            CliRunner.Result notPlan = w.cli.run("oracle", "attest", usd.getContractAddress(), "--event", "9", "--region", "1", "--severity", "5", "--account", "carol");
            assertEquals(ExitCodes.NOT_FOUND, notPlan.exit(), notPlan.toString());
        }
    }
}
