package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `--network local` (the default) finds the node of `huzhu node start` through its pid file (else 127.0.0.1:8545). */
@ExtendWith(HardhatNodeExtension.class)
class LocalNetworkIT {
    @Test
    void localMeansTheRecordedNode(HardhatNode node, @TempDir Path project) throws Exception {
        Path deployments = Files.createDirectories(project.resolve("deployments"));
        CliRunner cli = new CliRunner(project).env("HUZHU_CONFIG_DIR", project.resolve("home").toString());

        Files.createDirectories(project.resolve(".huzhu"));
        Files.writeString(project.resolve(".huzhu/node.pid"), node.pid() + " " + node.port() + "\n");
        CliRunner.Result found = cli.run("pool", "list");
        assertEquals(ExitCodes.NOT_FOUND, found.exit(), found.toString());
        assertEquals("huzhu: nothing is deployed on chain 31337 (no " + deployments.resolve("31337.json") + "); run `huzhu deploy` first",
                found.errLine());
    }
}
