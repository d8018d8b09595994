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
    void refusesAFileWithoutFactory() {
        assertThrows(IllegalArgumentException.class, () -> parse("{\"chainId\":31337}"));
    }
}
