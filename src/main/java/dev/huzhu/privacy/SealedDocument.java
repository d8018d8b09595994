package dev.huzhu.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A document encrypted on the owner's machine: AES-256-GCM under a fresh 32-byte content key, written as
 * {@code "HZE1" ‖ nonce (12) ‖ ciphertext ‖ tag (16)} (the magic is authenticated too). Only these bytes
 * leave the machine; the content key travels only inside {@link KeyWrap}s.
 */
public record SealedDocument(byte[] contentKey, byte[] ciphertext) {
    private static final byte[] MAGIC = "HZE1".getBytes(StandardCharsets.US_ASCII);

    /** Encrypts {@code plaintext} under a fresh key. */
    public static SealedDocument seal(byte[] plaintext) {
        byte[] key = Aead.freshKey();
        byte[] sealed = Aead.seal(key, plaintext, MAGIC);
        byte[] out = Arrays.copyOf(MAGIC, MAGIC.length + sealed.length);
        System.arraycopy(sealed, 0, out, MAGIC.length, sealed.length);
        return new SealedDocument(key, out);
    }

    /** Decrypts {@code ciphertext} with {@code contentKey}; {@link Tampered} when a byte was changed (or the key is not its key). */
    public static byte[] open(byte[] ciphertext, byte[] contentKey) {
        if (ciphertext.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(ciphertext, MAGIC.length), MAGIC)) {
            throw new Tampered("not an encrypted Huzhu document (no HZE1 header)");
        }
        try {
            return Aead.open(contentKey, Arrays.copyOfRange(ciphertext, MAGIC.length, ciphertext.length), MAGIC);
        } catch (Aead.OpenFailed e) {
            throw new Tampered("the encrypted document fails its AES-GCM check: " + e.getMessage());
        }
    }

    /** The ciphertext's id in the store (its sha2-256 digest is what goes on chain). */
    public Cid cid() {
        return Cid.of(ciphertext);
    }

    /** Decryption refused: the ciphertext was altered (or the key is not the document's). */
    public static final class Tampered extends RuntimeException {
        public Tampered(String message) {
            super(message);
        }
    }
}
