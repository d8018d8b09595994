package dev.huzhu.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reader of deployments/<chainId>.json, used by the CLI and by the indexer. */
class DeploymentBookTest {
    @TempDir Path dir;

    @Test
    void readsTheAddressBookThatHuzhuDeployWrites() throws Exception {
        Files.writeString(dir.resolve("31337.json"), "{\"chainId\":31337,\"network\":\"local\",\"deployer\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
                + "\"deployedAt\":\"2026-11-26T15:00:00Z\",\"contracts\":{"
                + "\"MockUSD\":{\"address\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\",\"txHash\":\"0x01\",\"block\":4},"
                + "\"AidPoolImplementation\":{\"address\":\"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512\",\"txHash\":\"0x02\",\"block\":2},"
                + "\"AidPoolFactory\":{\"address\":\"0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0\",\"txHash\":\"0x03\",\"block\":3}}}");
        Deployment d = new DeploymentBook(dir).require(31337);
        assertEquals("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", d.address(Deployment.FACTORY));
        assertEquals(2, d.firstBlock());
        assertTrue(new DeploymentBook(dir).read(1).isEmpty());
    }

    @Test
    void writesAtomicallyAndReadsBack() {
        DeploymentBook book = new DeploymentBook(dir);
        Deployment d = new Deployment(5, "x", "0x01", "now", Map.of(Deployment.FACTORY, new DeployedContract("0xab", "0xcd", 7)));
        book.write(d);
        assertEquals(7, book.require(5).firstBlock());
    }

    @Test
    void aMissingBookOrFactoryNamesWhatToRun() {
        assertEquals("nothing is deployed on chain 9 (no " + dir.resolve("9.json").toAbsolutePath().normalize() + "); run `huzhu deploy` first",
                assertThrows(NotFoundException.class, () -> new DeploymentBook(dir).require(9)).getMessage());
        Deployment empty = new Deployment(9, "x", "0x01", "now", Map.of());
        assertEquals("the deployment of chain 9 has no AidPoolFactory; run `huzhu deploy --force`",
                assertThrows(NotFoundException.class, () -> empty.address(Deployment.FACTORY)).getMessage());
    }
}
