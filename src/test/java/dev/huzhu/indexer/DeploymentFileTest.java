package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentFileTest {
    private static DeploymentFile parse(String json) throws Exception {
        return DeploymentFile.parse(new ObjectMapper().readTree(json), Path.of("31337.json"));
    }

    @Test
    void findsTheFactoryAndItsDeploymentBlock() throws Exception {
        DeploymentFile d = parse("{\"chainId\":31337,\"contracts\":{\"MockUSD\":{\"address\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\",\"blockNumber\":1},"
                + "\"AidPoolFactory\":{\"address\":\"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512\",\"blockNumber\":3}}}");
        assertEquals(List.of("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"), d.factories());
        assertEquals(1, d.fromBlock());
    }

    @Test
    void readsTheAddressBookThatHuzhuDeployWrites() throws Exception {
        DeploymentFile d = parse("{\"chainId\":31337,\"network\":\"local\",\"deployer\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
                + "\"deployedAt\":\"2026-11-26T15:00:00Z\",\"contracts\":{"
                + "\"MockUSD\":{\"address\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\",\"txHash\":\"0x01\",\"block\":1},"
                + "\"AidPoolImplementation\":{\"address\":\"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512\",\"txHash\":\"0x02\",\"block\":2},"
                + "\"AidPoolFactory\":{\"address\":\"0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0\",\"txHash\":\"0x03\",\"block\":3}}}");
        assertEquals(List.of("0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0"), d.factories());
        assertEquals(1, d.fromBlock());
    }

    @Test
    void refusesAFileWithoutFactory() {
        assertThrows(IllegalArgumentException.class, () -> parse("{\"chainId\":31337}"));
    }
}
