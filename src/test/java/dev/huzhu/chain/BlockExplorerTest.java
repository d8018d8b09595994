package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlockExplorerTest {
    @Test
    void publicChainsHaveEtherscanLocalOnesNone() {
        assertEquals("https://etherscan.io", BlockExplorer.forChain(1));
        assertEquals("https://sepolia.etherscan.io", BlockExplorer.forChain(11155111));
        assertEquals("https://holesky.etherscan.io", BlockExplorer.forChain(17000));
        assertNull(BlockExplorer.forChain(31337));
    }

    @Test
    void anOperatorsUrlMustBePlainHttp() {
        assertEquals("https://scan.example/x", BlockExplorer.parse(" https://scan.example/x// "));
        assertEquals("--explorer 'javascript:alert(1)' is not an http(s):// URL",
                assertThrows(IllegalArgumentException.class, () -> BlockExplorer.parse("javascript:alert(1)")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BlockExplorer.parse("https://x\"onmouseover=alert(1)"));
    }
}
