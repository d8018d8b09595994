package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.devnet.DevClock;
import dev.huzhu.devnet.HardhatNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A CLI user's world for integration tests: a temporary ~/.huzhu (keystore with dev keys imported
 * through `huzhu wallet import`, light scrypt), a temporary deployments directory, and the node.
 */
public final class CliWorld implements AutoCloseable {
    public static final List<String> NAMES = List.of("operator", "alice", "bob", "carol", "dave", "assessor1", "assessor2", "assessor3", "passer");

    public final Path dir;
    public final CliRunner cli;
    public final HardhatNode node;
    public final Web3j web3j;
    public final Map<String, String> addresses = new LinkedHashMap<>();

    public CliWorld(Path dir, HardhatNode node) throws IOException {
        this.dir = dir;
        this.node = node;
        this.web3j = Web3j.build(new HttpService(node.rpcUrl()));
        this.cli = new CliRunner()
                .env("HUZHU_CONFIG_DIR", dir.resolve("home").toString())
                .env("HUZHU_KEYSTORE_DIR", dir.resolve("home/keystore").toString())
                .env("HUZHU_DEPLOYMENTS_DIR", dir.resolve("deployments").toString())
                .env("HUZHU_RPC_URL", node.rpcUrl())
                .env("HUZHU_KEYSTORE_LIGHT", "1")
                .env("HUZHU_PASSWORD", "correct horse");
        List<Credentials> keys = DevAccounts.first(NAMES.size() + 5).subList(5, 5 + NAMES.size());
        for (int i = 0; i < NAMES.size(); i++) {
            String hex = Numeric.toHexStringWithPrefixZeroPadded(keys.get(i).getEcKeyPair().getPrivateKey(), 64);
            CliRunner.Result r = cli.runWithInput(hex + "\n", "wallet", "import", NAMES.get(i), "--private-key-file", "-", "--json");
            assertEquals(0, r.exit(), r.toString());
            addresses.put(NAMES.get(i), json(r).get("address").asText());
        }
    }

    /** Runs and asserts exit 0. */
    public CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.exit(), () -> String.join(" ", args) + "\n" + r);
        return r;
    }

    public JsonNode okJson(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--json");
        return json(ok(a.toArray(String[]::new)));
    }

    public static JsonNode json(CliRunner.Result r) {
        try {
            return new ObjectMapper().readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r, e);
        }
    }

    public String address(String name) {
        return addresses.get(name);
    }

    public BigInteger nonce(String address) throws IOException {
        return web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING).send().getTransactionCount();
    }

    public void advance(long seconds) throws IOException {
        new DevClock(new HttpService(node.rpcUrl())).advance(seconds);
    }

    public Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
