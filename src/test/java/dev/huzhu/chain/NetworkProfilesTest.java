package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkProfilesTest {
    @TempDir Path dir;

    @Test
    void builtInsAndUserFileMerge() throws Exception {
        Path file = dir.resolve("networks.json");
        Files.writeString(file, "{\"base\": {\"rpcUrl\": \"https://base.example\", \"chainId\": 8453},"
                + " \"sepolia\": {\"rpcUrl\": \"https://my-sepolia.example\", \"chainId\": 11155111}}");
        NetworkProfiles p = NetworkProfiles.load("http://127.0.0.1:8545", file);
        assertEquals(new NetworkProfile("local", "http://127.0.0.1:8545", 31337, true), p.get("local"));
        assertEquals("https://my-sepolia.example", p.get("sepolia").rpcUrl());
        assertEquals(17000, p.get("holesky").chainId());
        assertEquals(8453, p.get("base").chainId());
        String message = assertThrows(IllegalArgumentException.class, () -> p.get("mainnet")).getMessage();
        assertTrue(message.startsWith("unknown network 'mainnet'; known: local, sepolia, holesky, base"), message);
    }

    @Test
    void malformedUserFileIsNamed() throws Exception {
        Path file = dir.resolve("networks.json");
        Files.writeString(file, "{\"x\": {\"chainId\": 1}}");
        assertEquals("network 'x' in " + file + " needs \"rpcUrl\" (text) and \"chainId\" (number)",
                assertThrows(IllegalArgumentException.class, () -> NetworkProfiles.load("http://x", file)).getMessage());
    }
}
