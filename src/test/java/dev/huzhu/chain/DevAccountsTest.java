package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

class DevAccountsTest {
    @Test
    void derivesHardhatsWellKnownAccounts() {
        List<Credentials> accounts = DevAccounts.first(3);
        assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", Keys.toChecksumAddress(accounts.get(0).getAddress()));
        assertEquals("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", Keys.toChecksumAddress(accounts.get(1).getAddress()));
        assertEquals("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", Keys.toChecksumAddress(accounts.get(2).getAddress()));
    }

    @Test
    void refusesMoreThanTheNodeFunds() {
        assertThrows(IllegalArgumentException.class, () -> DevAccounts.first(21));
    }
}
