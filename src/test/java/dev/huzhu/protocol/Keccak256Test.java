package dev.huzhu.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;

class Keccak256Test {
    @Test
    void matchesWeb3jForEveryLengthAcrossBlockBoundaries() {
        Random r = new Random(14);
        for (int n = 0; n < 600; n++) {
            byte[] in = new byte[n];
            r.nextBytes(in);
            assertArrayEquals(Hash.sha3(in), Keccak256.hash(in), "length " + n);
        }
    }

    @Test
    void checksumsMatchWeb3j() {
        Random r = new Random(55);
        for (int i = 0; i < 2000; i++) {
            byte[] a = new byte[20];
            r.nextBytes(a);
            String lower = org.web3j.utils.Numeric.toHexString(a);
            assertEquals(Keys.toChecksumAddress(lower), Address.checksum(lower));
        }
    }
}
