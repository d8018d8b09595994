package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where a command takes an address it also takes a keystore account's name: --assessor, records, member status, points. */
@ExtendWith(HardhatNodeExtension.class)
class AccountNamesIT {
    @TempDir
    Path tmp;

    @Test
    void accountNamesStandForTheirAddresses(HardhatNode node) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            w.ok("pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000",
                    "--assessor", "assessor1", "--assessor", w.address("assessor2"), "--account", "operator", "--yes");
            JsonNode plan = w.okJson("pool", "show", "0");
            assertEquals(w.address("assessor1"), plan.get("assessors").get(0).asText());
            assertEquals(w.address("assessor2"), plan.get("assessors").get(1).asText());

            assertEquals(w.address("bob"), w.okJson("records", "bob").get("address").asText());
            assertEquals(w.address("alice"), w.okJson("member", "status", "alice").get("address").asText());
            assertEquals(w.address("carol"), w.okJson("points", "carol").get("address").asText());

            // member join --referrer takes a name too: the referral lands on bob's address (MemberJoined's referrer)
            w.ok("faucet", "1000", "--account", "bob", "--yes");
            w.ok("faucet", "1000", "--account", "alice", "--yes");
            w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", "bob", "--yes");
            JsonNode joined = w.okJson("member", "join", "--plan", "0", "--amount", "300", "--referrer", "bob", "--account", "alice", "--yes");
            assertEquals(w.address("bob"), joined.get("referrer").asText());

            CliRunner.Result unknown = w.cli.run("records", "zoe");
            assertEquals(ExitCodes.WALLET, unknown.exit(), unknown.toString());
            assertEquals("huzhu: no account named 'zoe' in " + tmp.resolve("home/keystore") + " (`huzhu wallet list` shows them)", unknown.errLine());
        }
    }
}
