package dev.huzhu.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;

/** AES-GCM sealing, ECIES wraps and the store's hash check, without a chain. */
class EncryptionTest {
    // Hardhat dev accounts #1 and #2: addresses known from `npx hardhat node`
    static final AccountKey ALICE = key("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    static final AccountKey BOB = key("5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

    static AccountKey key(String hex) {
        return new KeyPairAccountKey(ECKeyPair.create(new BigInteger(hex, 16)));
    }

    @Test
    void devKeysAreTheKnownAccounts() {
        assertEquals("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", ALICE.address());
        assertEquals("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", BOB.address());
    }

    @Test
    void readerRoundTripAndOthersAreRefused() {
        byte[] plain = "invoice 2026-1126: appendectomy".getBytes(StandardCharsets.UTF_8);
        SealedDocument sealed = SealedDocument.seal(plain);
        assertTrue(!new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("appendectomy"));
        byte[] wrap = KeyWrap.wrap(sealed.contentKey(), ALICE.publicKey());
        assertEquals(KeyWrap.BYTES, wrap.length);
        assertArrayEquals(plain, SealedDocument.open(sealed.ciphertext(), KeyWrap.unwrap(wrap, ALICE)));
        // the wrong key: Bob cannot open Alice's wrap
        assertThrows(KeyWrap.NotGranted.class, () -> KeyWrap.unwrap(wrap, BOB));
        // a wrong content key (another document's) fails the tag
        assertThrows(SealedDocument.Tampered.class, () -> SealedDocument.open(sealed.ciphertext(), SealedDocument.seal(plain).contentKey()));
    }

    @Test
    void tamperedCiphertextAndWrapFail() {
        SealedDocument sealed = SealedDocument.seal(new byte[1000]);
        for (int i : new int[] {4, 20, sealed.ciphertext().length - 1}) {
            byte[] bad = sealed.ciphertext().clone();
            bad[i] ^= 1;
            assertThrows(SealedDocument.Tampered.class, () -> SealedDocument.open(bad, sealed.contentKey()));
        }
        byte[] wrap = KeyWrap.wrap(sealed.contentKey(), BOB.publicKey());
        wrap[80] ^= 1;
        assertThrows(KeyWrap.NotGranted.class, () -> KeyWrap.unwrap(wrap, BOB));
    }

    @Test
    void storeChecksHashOnEveryReadAndRefusesOversize(@TempDir Path dir) throws Exception {
        DocumentStore store = new DocumentStore(dir, 100);
        Cid id = store.put("hello".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), store.get(id).orElseThrow());
        Files.writeString(dir.resolve(id.toString()), "hellO");
        assertThrows(DocumentStore.TamperedDocument.class, () -> store.get(id));
        DocumentStore.DocumentTooLarge e = assertThrows(DocumentStore.DocumentTooLarge.class, () -> store.put(new byte[101]));
        assertEquals("document too large: 101 bytes, the store's limit is 100 bytes", e.getMessage());
        assertTrue(store.get(Cid.of(new byte[] {1})).isEmpty());
    }

    @Test
    void bundleKeepsFilesAndRefusesEscapes(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "A");
        Path b = Files.writeString(dir.resolve("b.txt"), "BB");
        Map<String, byte[]> files = EvidenceBundle.unpack(EvidenceBundle.pack(List.of(a, b)));
        assertEquals(List.of("a.txt", "b.txt"), List.copyOf(files.keySet()));
        assertArrayEquals("BB".getBytes(StandardCharsets.US_ASCII), files.get("b.txt"));
        byte[] evil = EvidenceBundle.zip(Map.of("../x", new byte[1]));
        assertThrows(SealedDocument.Tampered.class, () -> EvidenceBundle.unpack(evil));
    }

    @Test
    void uploadPermitRecoversTheSigner() {
        UploadPermit p = UploadPermit.sign(ALICE, new byte[] {1, 2}, "0x5FbDB2315678afecb367f032d93F642f64180aa3", 1_700_000_000L);
        assertEquals(ALICE.address(), p.signer());
        UploadPermit other = new UploadPermit(Cid.of(new byte[] {9}), p.plan(), p.at(), p.signature());
        assertTrue(!ALICE.address().equals(other.signer()));
    }
}
