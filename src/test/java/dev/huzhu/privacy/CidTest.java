package dev.huzhu.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.huzhu.protocol.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CidTest {
    /** The well-known id of the empty raw block (`ipfs add --cid-version 1 --raw-leaves` of an empty file). */
    @Test
    void emptyDocumentHasIpfsId() {
        assertEquals("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Cid.of(new byte[0]).toString());
    }

    /** sha256("abc") = ba7816bf…15ad (FIPS 180-2 example): the digest is the id's last 32 bytes and back. */
    @Test
    void digestRoundTrip() {
        Cid c = Cid.of("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", c.digestHex());
        assertEquals(c, Cid.parse(c.toString()));
        assertEquals(c, Cid.ofDigestHex(c.digestHex()));
    }

    @Test
    void refusesOtherIds() {
        // CIDv0 (base58 Qm…) and a dag-pb CIDv1 are not this store's ids
        assertThrows(InvalidInputException.class, () -> Cid.parse("QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR"));
        assertThrows(InvalidInputException.class, () -> Cid.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"));
        assertThrows(InvalidInputException.class, () -> Cid.parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyk1"));
    }
}
