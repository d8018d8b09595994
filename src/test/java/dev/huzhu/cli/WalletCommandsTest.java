package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

class WalletCommandsTest {
    static final String KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"; // Hardhat dev #1
    static final String ADDRESS = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @TempDir Path tmp;
    CliRunner cli;
    Path ks;

    @BeforeEach
    void setUp() {
        ks = tmp.resolve("ks");
        cli = new CliRunner().env("HUZHU_KEYSTORE_DIR", ks.toString()).env("HUZHU_KEYSTORE_LIGHT", "1").env("HUZHU_PASSWORD", "pw1");
    }

    @Test
    void newListShowPrintChecksummedAddressesAndJson() throws Exception {
        CliRunner.Result created = cli.run("wallet", "new", "alice", "--json");
        assertEquals(0, created.exit(), created.toString());
        JsonNode json = new ObjectMapper().readTree(created.out());
        String address = json.get("address").asText();
        assertEquals(org.web3j.crypto.Keys.toChecksumAddress(address), address);
        assertTrue(Files.isRegularFile(ks.resolve("alice.json")));
        // web3j decrypts what huzhu wrote
        Credentials c = WalletUtils.loadCredentials("pw1", ks.resolve("alice.json").toFile());
        assertEquals(address.toLowerCase(), c.getAddress());

        CliRunner.Result list = cli.run("wallet", "list");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("alice  " + address), list.out());

        CliRunner.Result show = cli.run("wallet", "show", address.toLowerCase());
        assertEquals(0, show.exit(), show.toString());
        assertTrue(show.out().contains("scrypt   n=4096 p=6"), show.out());
    }

    @Test
    void importFromStdinThenChangePasswordThenRemove() throws Exception {
        CliRunner.Result imported = cli.runWithInput(KEY + "\n", "wallet", "import", "bob", "--private-key-file", "-");
        assertEquals(0, imported.exit(), imported.toString());
        assertTrue(imported.out().contains(ADDRESS), imported.out());
        assertFalse(imported.out().contains(KEY.substring(2)) || imported.err().contains(KEY.substring(2)));

        Path newPw = tmp.resolve("new.txt");
        Files.writeString(newPw, "pw2\n");
        CliRunner.Result changed = cli.run("wallet", "change-password", "bob", "--new-password-file", newPw.toString());
        assertEquals(0, changed.exit(), changed.toString());
        assertEquals("0x" + ADDRESS.substring(2).toLowerCase(),
                WalletUtils.loadCredentials("pw2", ks.resolve("bob.json").toFile()).getAddress());

        CliRunner.Result declined = cli.runWithInput("n\n", "wallet", "remove", "bob");
        assertEquals(ExitCodes.DECLINED, declined.exit(), declined.toString());
        assertTrue(Files.exists(ks.resolve("bob.json")));

        CliRunner.Result removed = cli.run("wallet", "remove", ADDRESS, "--yes");
        assertEquals(0, removed.exit(), removed.toString());
        assertFalse(Files.exists(ks.resolve("bob.json")));
        assertEquals(1, Files.list(ks.resolve("removed")).count());
        assertTrue(cli.run("wallet", "list").out().contains("no accounts"));
    }

    @Test
    void importsKeystoreWrittenByWeb3jAndListsWeb3jFilesInPlace() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("web3j"));
        Path pwFile = tmp.resolve("pw.txt");
        Files.writeString(pwFile, "secret");
        String fileName = WalletUtils.generateLightNewWalletFile("secret", other.toFile());
        Credentials expected = WalletUtils.loadCredentials("secret", other.resolve(fileName).toFile());

        CliRunner.Result imported = cli.run("wallet", "import", "carol", "--keystore", other.resolve(fileName).toString(),
                "--password-file", pwFile.toString(), "--json");
        assertEquals(0, imported.exit(), imported.toString());
        assertEquals(org.web3j.crypto.Keys.toChecksumAddress(expected.getAddress()),
                new ObjectMapper().readTree(imported.out()).get("address").asText());

        // a web3j file dropped into the keystore directory is an account named after its file
        String second = WalletUtils.generateLightNewWalletFile("secret", ks.toFile());
        CliRunner.Result list = cli.run("wallet", "list", "--json");
        JsonNode accounts = new ObjectMapper().readTree(list.out()).get("accounts");
        assertEquals(2, accounts.size(), list.out());
        assertEquals(second.replace(".json", ""), accounts.get(0).get("name").asText(), "sorted by name: UTC-- before carol");
    }
}
