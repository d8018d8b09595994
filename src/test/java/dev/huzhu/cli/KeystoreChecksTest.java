package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.huzhu.wallet.Keystore;
import dev.huzhu.wallet.KeystoreEntry;
import dev.huzhu.wallet.WalletException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampered, truncated and hostile keystore files: the key decides the address, broken files are listed
 * with their reason, KDF parameters beyond limits are refused in one line before any memory is spent.
 */
class KeystoreChecksTest {
    static final String KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"; // Hardhat dev #1
    static final String ADDRESS_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final String ADDRESS_2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"; // Hardhat dev #2
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;
    CliRunner cli;
    Path ks;

    @BeforeEach
    void setUp() {
        ks = tmp.resolve("ks");
        cli = new CliRunner().env("HUZHU_KEYSTORE_DIR", ks.toString()).env("HUZHU_KEYSTORE_LIGHT", "1").env("HUZHU_PASSWORD", "pw1");
        CliRunner.Result r = cli.runWithInput(KEY_1 + "\n", "wallet", "import", "alice", "--private-key-file", "-");
        assertEquals(0, r.exit(), r.toString());
    }

    private ObjectNode aliceFile() throws Exception {
        return (ObjectNode) JSON.readTree(ks.resolve("alice.json").toFile());
    }

    private void write(String name, JsonNode file) throws Exception {
        Files.writeString(ks.resolve(name + ".json"), JSON.writeValueAsString(file));
    }

    @Test
    void aFileWhoseAddressWasEditedIsRefusedAtUnlock() throws Exception {
        ObjectNode f = aliceFile();
        f.put("address", ADDRESS_2.substring(2).toLowerCase());
        write("alice", f);

        // the file's claim is all `list` can show without the password...
        assertTrue(cli.run("wallet", "list").out().contains("alice  " + ADDRESS_2));
        // ...but nothing signs with it: the key's own address decides
        CliRunner.Result r = cli.runWithInput("pw2\n", "wallet", "change-password", "alice", "--new-password-file", "-");
        assertEquals(ExitCodes.WALLET, r.exit(), r.toString());
        assertEquals("huzhu: refusing account 'alice': " + ks.resolve("alice.json").toAbsolutePath() + " says address " + ADDRESS_2
                + " but its key is " + ADDRESS_1 + " (the file was altered)", r.errLine());
        Keystore keystore = new Keystore(ks);
        WalletException e = assertThrows(WalletException.class, () -> keystore.unlock(keystore.find("alice"), "pw1"));
        assertTrue(e.getMessage().contains("the file was altered"), e.getMessage());
        assertEquals(ADDRESS_1, new Keystore(ks).unlock(new KeystoreEntry("alice", ADDRESS_1, ks.resolve("alice.json")), "pw1").address());
        // nor is such a file imported
        Path outside = tmp.resolve("tampered.json");
        Files.copy(ks.resolve("alice.json"), outside);
        CliRunner.Result imported = cli.copy().env("HUZHU_KEYSTORE_DIR", tmp.resolve("ks2").toString()).run("wallet", "import", "eve", "--keystore", outside.toString());
        assertEquals(ExitCodes.WALLET, imported.exit(), imported.toString());
        assertEquals("huzhu: refusing keystore file " + outside + ": it says address 0x" + ADDRESS_2.substring(2).toLowerCase() + " but its key is "
                + ADDRESS_1 + " (the file was altered)", imported.errLine());
    }

    @Test
    void aTruncatedFileIsListedAsBrokenAndNamedAsSuch() throws Exception {
        String full = Files.readString(ks.resolve("alice.json"));
        Files.writeString(ks.resolve("bob.json"), full.substring(0, full.length() / 2));

        CliRunner.Result list = cli.run("wallet", "list");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains("alice  " + ADDRESS_1), list.out());
        assertTrue(list.out().contains("bob    BROKEN: bob.json is not valid JSON (truncated or damaged?)"), list.out());
        JsonNode json = JSON.readTree(cli.run("wallet", "list", "--json").out());
        assertEquals("bob", json.get("accounts").get(1).get("name").asText());
        assertEquals("is not valid JSON (truncated or damaged?)", json.get("accounts").get(1).get("broken").asText());

        CliRunner.Result show = cli.run("wallet", "show", "bob");
        assertEquals(ExitCodes.WALLET, show.exit(), show.toString());
        assertEquals("huzhu: account 'bob' cannot be used: " + ks.resolve("bob.json").toAbsolutePath() + " is not valid JSON (truncated or damaged?)",
                show.errLine());
        // it can still be moved away
        assertEquals(0, cli.run("wallet", "remove", "bob", "--yes").exit());
        assertFalse(cli.run("wallet", "list").out().contains("bob"));
    }

    @Test
    void scryptBeyondTheMemoryLimitIsRefusedNotRun() throws Exception {
        ObjectNode f = aliceFile();
        ((ObjectNode) f.get("crypto").get("kdfparams")).put("n", 1 << 24);
        write("carol", f.put("address", ADDRESS_1.substring(2)));
        Files.delete(ks.resolve("alice.json"));

        CliRunner.Result list = cli.run("wallet", "list");
        assertTrue(list.out().contains("carol  BROKEN: carol.json cannot be opened: scrypt n=16777216 r=8 p=6 needs 16384 MiB of memory per lane; "
                + "huzhu opens keystores up to 256 MiB and p <= 16 (geth's standard: n=262144 r=8 p=1)"), list.out());
        long t0 = System.nanoTime();
        WalletException e = assertThrows(WalletException.class,
                () -> new Keystore(ks).unlock(new KeystoreEntry("carol", ADDRESS_1, ks.resolve("carol.json")), "pw1"));
        assertTrue(e.getMessage().startsWith("cannot open account 'carol': scrypt n=16777216"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "refused before deriving anything");
    }

    @Test
    void aSixteenByteDerivedKeyIsOneLine() throws Exception {
        ObjectNode f = aliceFile();
        ((ObjectNode) f.get("crypto").get("kdfparams")).put("dklen", 16);
        write("dave", f);
        Files.delete(ks.resolve("alice.json"));

        CliRunner.Result r = cli.runWithInput("pw2\n", "wallet", "change-password", "dave", "--new-password-file", "-");
        assertEquals(ExitCodes.WALLET, r.exit(), r.toString());
        assertEquals("huzhu: account 'dave' cannot be used: " + ks.resolve("dave.json").toAbsolutePath()
                + " cannot be opened: scrypt dklen 16 is not 32 (a 16-byte AES key and a 16-byte MAC key)", r.errLine());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        WalletException e = assertThrows(WalletException.class,
                () -> new Keystore(ks).unlock(new KeystoreEntry("dave", ADDRESS_1, ks.resolve("dave.json")), "pw1"));
        assertEquals("cannot open account 'dave': scrypt dklen 16 is not 32 (a 16-byte AES key and a 16-byte MAC key)", e.getMessage());
    }
}
