package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `huzhu index` takes the one NetworkOptions: a network from --networks-file (or $HUZHU_CONFIG_DIR/networks.json),
 * $HUZHU_NETWORK, and the chain-id check before anything is read.
 */
@ExtendWith(HardhatNodeExtension.class)
class IndexCommandIT {
    @TempDir
    Path tmp;

    @Test
    void indexHonoursTheNetworkOptions(HardhatNode node) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            CliRunner cli = w.cli.copy().env("HUZHU_RPC_URL", null);
            Path networks = tmp.resolve("networks.json");
            Files.writeString(networks, "{ \"mine\": { \"rpcUrl\": \"" + node.rpcUrl() + "\", \"chainId\": 31337 } }");

            CliRunner.Result r = cli.run("index", "--once", "--quiet", "--network", "mine", "--networks-file", networks.toString(),
                    "--db", "jdbc:sqlite:" + tmp.resolve("a.db"));
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().startsWith("indexing chain 31337 from " + node.rpcUrl() + " into jdbc:sqlite:"), r.out());
            assertTrue(r.out().strip().endsWith("caught up"), r.out());

            // the same network by name from $HUZHU_CONFIG_DIR/networks.json and $HUZHU_NETWORK
            Files.copy(networks, tmp.resolve("home/networks.json"));
            r = cli.copy().env("HUZHU_NETWORK", "mine").run("index", "--once", "--quiet", "--db", "jdbc:sqlite:" + tmp.resolve("b.db"));
            assertEquals(0, r.exit(), r.toString());

            // a node of another chain than the network's: refused before anything is indexed
            r = cli.run("index", "--once", "--network", "sepolia", "--rpc-url", node.rpcUrl(), "--db", "jdbc:sqlite:" + tmp.resolve("c.db"));
            assertEquals(ExitCodes.NETWORK, r.exit(), r.toString());
            assertEquals("huzhu: the node at " + node.rpcUrl() + " serves chain id 31337, but network 'sepolia' is chain id 11155111; "
                    + "check --network and --rpc-url", r.errLine());
            assertTrue(!Files.exists(tmp.resolve("c.db")), "no database was created");

            r = cli.run("index", "--once", "--network", "nowhere", "--db", "jdbc:sqlite:" + tmp.resolve("d.db"));
            assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
            assertTrue(r.errLine().startsWith("huzhu: unknown network 'nowhere'; known: local, sepolia, holesky"), r.errLine());

            r = cli.run("index", "--once", "--factory", "0x1234", "--db", "jdbc:sqlite:" + tmp.resolve("e.db"));
            assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
            assertEquals("huzhu: --factory '0x1234' is not an address (0x followed by 40 hex digits)", r.errLine());
        }
    }
}
