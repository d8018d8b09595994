package dev.huzhu.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.cli.CliWorld;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable CLI (run by failsafe after `package`): target/huzhu-dist.tar.gz is unpacked into a
 * temporary directory outside the checkout and run from yet another directory, with nothing but Java:
 * --version, wallet new, a read against a real node, and the one line of a local-node command that
 * needs a checkout.
 */
@ExtendWith(HardhatNodeExtension.class)
class DistributionIT {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    Run huzhu(Path bin, Path cwd, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("HUZHU_"));
        pb.environment().putAll(env);
        File out = tmp.resolve("out.txt").toFile();
        File err = tmp.resolve("err.txt").toFile();
        pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "huzhu " + String.join(" ", args) + " did not end");
        return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8), Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void theUnpackedArchiveRunsOutsideTheCheckout(HardhatNode node) throws Exception {
        Path archive = Path.of(System.getProperty("huzhu.dist", "target/huzhu-dist.tar.gz")).toAbsolutePath();
        assertTrue(Files.isRegularFile(archive), "no " + archive + ": run `mvn package` first");
        Path install = Files.createDirectories(tmp.resolve("opt"));
        Process untar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", install.toString()).inheritIO().start();
        assertEquals(0, untar.waitFor());
        Path bin = install.resolve("huzhu-0.1.0/bin/huzhu");
        assertTrue(Files.isExecutable(bin), "bin/huzhu is executable");
        Path checkout = Path.of("").toAbsolutePath();
        assertTrue(!tmp.toAbsolutePath().startsWith(checkout), "the temp dir is outside the checkout");
        Path cwd = Files.createDirectories(tmp.resolve("elsewhere"));
        Map<String, String> env = Map.of("HUZHU_CONFIG_DIR", tmp.resolve("home").toString(), "HUZHU_KEYSTORE_LIGHT", "1",
                "HUZHU_PASSWORD", "dist-secret");

        Run version = huzhu(bin, cwd, env, "--version");
        assertEquals(new Run(0, "huzhu 0.1.0\n", ""), version);

        Run created = huzhu(bin, cwd, env, "wallet", "new", "dist", "--json");
        assertEquals(0, created.exit(), created.toString());
        JsonNode account = new ObjectMapper().readTree(created.out());
        assertEquals("dist", account.get("name").asText());
        assertTrue(Files.isRegularFile(tmp.resolve("home/keystore/dist.json")), "the keystore file is in the config dir");
        assertTrue(Files.isRegularFile(tmp.resolve("home/logs/huzhu.log")), "the log file is in the config dir");

        // a read against a real node: deploy (in-process, the test's own CLI), then list through the installed one
        Path deployments;
        try (CliWorld w = new CliWorld(tmp.resolve("world"), node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            w.ok("pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000",
                    "--assessor", w.address("assessor1"), "--account", "operator", "--yes");
            deployments = tmp.resolve("world/deployments");
        }
        Run list = huzhu(bin, cwd, env, "pool", "list", "--json", "--rpc-url", node.rpcUrl(), "--deployments-dir", deployments.toString());
        assertEquals(0, list.exit(), list.toString());
        JsonNode plans = new ObjectMapper().readTree(list.out());
        assertEquals(31337, plans.get("chainId").asLong());
        assertEquals(1, plans.get("plans").size());
        assertEquals("medical", plans.get("plans").get(0).get("category").asText());
        assertEquals("100", plans.get("plans").get(0).get("contribution").asText());

        // the local-node commands need a checkout with Hardhat, and say so in one line
        Run nodeStart = huzhu(bin, cwd, env, "node", "start", "--port", Integer.toString(HardhatNode.freePort()));
        assertEquals(3, nodeStart.exit(), nodeStart.toString());
        assertEquals("huzhu: the local node needs a Huzhu checkout with Hardhat installed, and " + cwd.toRealPath()
                + " has no node_modules/hardhat: run this from the checkout after `npm ci` (or set HUZHU_HOME to it)\n", nodeStart.err());
    }
}
