package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `huzhu approve`: sets (not adds to) the plan's allowance; max is unlimited; 0 revokes; a later deposit needs no approval of its own. */
@ExtendWith(HardhatNodeExtension.class)
class ApproveCommandIT {
    @TempDir Path tmp;

    @Test
    void setsRaisesAndRevokesTheAllowance(HardhatNode node) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            w.ok("pool", "create", "--category", "medical", "--contribution", "10", "--max-payout", "100", "--assessor", "assessor1",
                    "--account", "operator", "--yes");
            w.ok("faucet", "100", "--account", "alice", "--yes");

            JsonNode set = w.okJson("approve", "--plan", "0", "50", "--account", "alice", "--yes");
            assertEquals("50", set.get("allowance").asText());
            assertEquals("0", set.get("previous").asText());
            JsonNode join = w.okJson("member", "join", "--plan", "0", "--amount", "20", "--account", "alice", "--yes");
            assertTrue(join.get("approval") == null || join.get("approval").isNull(), "no approval needed: " + join);

            CliRunner.Result max = w.ok("approve", "--plan", "0", "max", "--account", "alice", "--yes");
            assertTrue(max.out().contains(" may now take unlimited from " + w.address("alice") + " (was 30 mUSD)"), max.out());
            JsonNode revoke = w.okJson("approve", "--plan", "0", "0", "--account", "alice", "--yes");
            assertEquals("0", revoke.get("allowance").asText());
            assertEquals("max", revoke.get("previous").asText());

            CliRunner.Result bad = w.cli.run("approve", "--plan", "0", "lots", "--account", "alice", "--yes");
            assertEquals(ExitCodes.USAGE, bad.exit(), bad.toString());
            assertEquals("huzhu: amount 'lots' is not a decimal number", bad.errLine());
        }
    }
}
