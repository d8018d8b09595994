package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ballot file is JSON written by Jackson: the vote and the 0x-hex salt, readable back, mode 600. */
class JuryBallotStoreTest {
    @TempDir
    Path dir;

    @Test
    void aBallotRoundTripsAsJson() throws Exception {
        JuryBallotStore store = new JuryBallotStore(dir);
        byte[] salt = new byte[32];
        salt[0] = (byte) 0xab;
        salt[31] = 0x01;
        Path f = store.save(31337, "0xPLAN", 3, "0xJUROR", new JuryBallotStore.Ballot(true, salt));
        JsonNode n = new ObjectMapper().readTree(f.toFile());
        assertTrue(n.get("approve").asBoolean());
        assertEquals("0xab" + "00".repeat(30) + "01", n.get("salt").asText());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        JuryBallotStore.Ballot back = store.load(31337, "0xplan", 3, "0xjuror").orElseThrow();
        assertTrue(back.approve());
        assertArrayEquals(salt, back.salt());
    }
}
