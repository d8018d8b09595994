package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Secrets never reach a log line: the expected strings are written out by hand. */
class RedactionTest {
    static final String KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"; // Hardhat dev key #0
    static final String TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";

    @Test
    void providerKeysInThePathAreMasked() {
        assertEquals("https://mainnet.infura.io/v3/***", Redaction.url("https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161"));
        assertEquals("https://eth-sepolia.g.alchemy.com/v2/***", Redaction.url("https://eth-sepolia.g.alchemy.com/v2/AbCdEfGh1jKlMnOpQrStUv12"));
        assertEquals("wss://x.quiknode.pro/***/", Redaction.url("wss://x.quiknode.pro/4f1a2b3c4d5e6f708192a3b4c5d6e7f8/"));
    }

    @Test
    void userInfoAndQueryValuesAreMasked() {
        assertEquals("https://***@rpc.example.org:8545/rpc?apikey=***&chain=***",
                Redaction.url("https://user:pa55word@rpc.example.org:8545/rpc?apikey=S3CRET&chain=1"));
    }

    @Test
    void plainUrlsStayReadable() {
        assertEquals("http://127.0.0.1:8545", Redaction.url("http://127.0.0.1:8545"));
        assertEquals("https://ethereum-sepolia-rpc.publicnode.com", Redaction.url("https://ethereum-sepolia-rpc.publicnode.com"));
        assertEquals("https://sepolia.base.org/api/transactions", Redaction.url("https://sepolia.base.org/api/transactions"));
    }

    @Test
    void textMasksUrlsPasswordsAndBareKeysButKeepsHashes() {
        String line = "node at https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161 failed; password=hunter2, "
                + "private key: " + KEY + " tx " + TX + "; no password: use --password-file";
        assertEquals("node at https://mainnet.infura.io/v3/*** failed; password=***, private key: *** tx " + TX + "; no password: use --password-file", Redaction.text(line));
        assertEquals("imported ***", Redaction.text("imported " + KEY));
        assertEquals("{\"password\":\"***\"}", Redaction.text("{\"password\":\"hunter2\"}"));
        assertEquals("jdbc:postgresql://db/huzhu?user=***&password=***", Redaction.text("jdbc:postgresql://db/huzhu?user=idx&password=s3cret"));
        assertFalse(Redaction.text("HUZHU_PASSWORD=hunter2").contains("hunter2"));
        assertTrue(Redaction.text("block 0x1f hash " + TX).contains(TX));
    }

    @Test
    void databaseUrlsLoseUserInfoAndQueryValues() {
        assertEquals("cannot prepare the index database jdbc:postgresql://***@db:5432/huzhu?ssl=***: refused",
                Redaction.text("cannot prepare the index database jdbc:postgresql://idx:s3cret@db:5432/huzhu?ssl=true: refused"));
        assertEquals("postgres://***@db/huzhu", Redaction.text("postgres://idx:s3cret@db/huzhu"));
        assertEquals("postgresql://***@db/huzhu", Redaction.url("postgresql://idx:s3cret@db/huzhu"));
        assertEquals("jdbc:sqlite:/home/a/.huzhu/index/index-31337.db", Redaction.text("jdbc:sqlite:/home/a/.huzhu/index/index-31337.db"));
        assertEquals("https://***@rpc.example.org/", Redaction.text("https://alice:pw@rpc.example.org/"));
    }
}
