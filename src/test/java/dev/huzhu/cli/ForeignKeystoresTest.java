package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletUtils;

/**
 * Keystore files written by other tools (issue 14): geth's {@code UTC--…--address} and Foundry's
 * {@code keystores/NAME} have no {@code .json}; they are listed under their file names and sign. Foundry
 * writes no {@code address} field: `wallet import` adds it to the copy after checking the password.
 */
class ForeignKeystoresTest {
    static final String KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"; // Hardhat dev #1
    static final String ADDRESS = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final String KEY2 = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"; // Hardhat dev #2
    static final String ADDRESS2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void gethAndFoundryFilesAreListedAndUsable() throws Exception {
        Path ks = Files.createDirectories(tmp.resolve("ks"));
        CliRunner cli = new CliRunner().env("HUZHU_KEYSTORE_DIR", ks.toString()).env("HUZHU_KEYSTORE_LIGHT", "1").env("HUZHU_PASSWORD", "pw1");
        String geth = "UTC--2026-12-02T16-00-00.000000000Z--" + ADDRESS.substring(2).toLowerCase();
        Files.write(ks.resolve(geth), v3(KEY, true));
        Files.write(ks.resolve("deployer"), v3(KEY2, true)); // Foundry with an address (geth-compat builds)
        Files.writeString(ks.resolve(".hidden"), "{}");
        Files.createDirectories(ks.resolve("removed"));
        Files.write(ks.resolve("removed/old-1.json"), v3(KEY, true));

        JsonNode list = JSON.readTree(ok(cli, "wallet", "list", "--json").out());
        List<String> names = new ArrayList<>();
        list.get("accounts").forEach(a -> names.add(a.get("name").asText() + " " + a.get("address").asText()));
        assertEquals(List.of(geth + " " + ADDRESS, "deployer " + ADDRESS2), names);

        // usable by name: the password opens it, and the re-encrypted file is still geth's
        Path newPw = Files.writeString(tmp.resolve("new.txt"), "pw2\n");
        ok(cli, "wallet", "change-password", geth, "--new-password-file", newPw.toString());
        assertEquals(ADDRESS.toLowerCase(), WalletUtils.loadCredentials("pw2", ks.resolve(geth).toFile()).getAddress());
        assertTrue(ok(cli, "wallet", "show", "deployer").out().contains(ADDRESS2), "by its extension-less name");

        // Foundry without an address: imported with the address added (derived from the key once the password opened it)
        Path foundry = Files.createDirectories(tmp.resolve("foundry/keystores")).resolve("ops");
        ObjectNode bare = (ObjectNode) JSON.readTree(v3(KEY2, false));
        assertTrue(!bare.has("address"));
        Files.write(foundry, JSON.writeValueAsBytes(bare));
        Path other = Files.createDirectories(tmp.resolve("ks2"));
        CliRunner cli2 = new CliRunner().env("HUZHU_KEYSTORE_DIR", other.toString()).env("HUZHU_PASSWORD", "pw1");
        JsonNode imported = JSON.readTree(ok(cli2, "wallet", "import", "ops", "--keystore", foundry.toString(), "--json").out());
        assertEquals(ADDRESS2, imported.get("address").asText());
        assertEquals(ADDRESS2.substring(2).toLowerCase(), JSON.readTree(other.resolve("ops.json").toFile()).get("address").asText());
        assertTrue(ok(cli2, "wallet", "list").out().matches("(?s).*\\bops +" + ADDRESS2 + ".*"));
    }

    private static byte[] v3(String key, boolean withAddress) throws Exception {
        ObjectNode node = JSON.valueToTree(Wallet.createLight("pw1", Credentials.create(key).getEcKeyPair()));
        if (!withAddress) {
            node.remove("address");
        }
        return JSON.writeValueAsBytes(node);
    }

    private static CliRunner.Result ok(CliRunner cli, String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.exit(), () -> String.join(" ", args) + "\n" + r);
        return r;
    }
}
