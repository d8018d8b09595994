package dev.huzhu.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AddressTest {
    static final String GOOD = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Test
    void acceptsChecksummedAndSingleCaseAddresses() {
        assertEquals(GOOD, Address.parse(GOOD, "x").checksummed());
        assertEquals(GOOD, Address.parse(GOOD.toLowerCase(), "x").checksummed());
        assertEquals(GOOD, Address.parse("0x" + GOOD.substring(2).toUpperCase(), "x").checksummed());
    }

    @Test
    void rejectsBadChecksumAndMalformedInput() {
        String flipped = GOOD.replace("C51812dc", "c51812dc");
        assertEquals("--referrer '" + flipped + "' has a bad EIP-55 checksum (a typo?)",
                assertThrows(IllegalArgumentException.class, () -> Address.parse(flipped, "--referrer").checksummed()).getMessage());
        assertEquals("member '0x1234' is not an address (0x followed by 40 hex digits)",
                assertThrows(IllegalArgumentException.class, () -> Address.parse("0x1234", "member").checksummed()).getMessage());
    }
}
