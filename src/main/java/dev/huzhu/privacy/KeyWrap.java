package dev.huzhu.privacy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * ECIES on secp256k1: a document's 32-byte content key sealed for one reader's account key. A fresh
 * ephemeral key agrees (ECDH) with the reader's public key; HKDF-SHA256 (salt: the ephemeral public key,
 * info: a label and the reader's public key) derives an AES-256-GCM key that seals the content key.
 * Wire form (124 bytes): {@code ephemeral public key (64) ‖ nonce (12) ‖ sealed key (32) ‖ tag (16)}.
 * Only the holder of the reader's private key can open it ({@link AccountKey#agree}).
 */
public final class KeyWrap {
    public static final int BYTES = 64 + Aead.NONCE_BYTES + Aead.KEY_BYTES + Aead.TAG_BYTES;
    private static final byte[] LABEL = "huzhu evidence key wrap v1".getBytes(StandardCharsets.US_ASCII);

    private KeyWrap() {}

    /** Seals {@code contentKey} for the reader whose public key is {@code readerPublicKey} (64 bytes). */
    public static byte[] wrap(byte[] contentKey, byte[] readerPublicKey) {
        Secp256k1.point(readerPublicKey); // refuses a non-point before any work
        BigInteger ephemeral = Secp256k1.freshPrivateKey();
        byte[] ephemeralPublic = Secp256k1.publicKeyOf(ephemeral);
        byte[] kek = kek(Secp256k1.agree(ephemeral, readerPublicKey), ephemeralPublic, readerPublicKey);
        byte[] sealed = Aead.seal(kek, contentKey, ephemeralPublic);
        byte[] out = Arrays.copyOf(ephemeralPublic, 64 + sealed.length);
        System.arraycopy(sealed, 0, out, 64, sealed.length);
        return out;
    }

    /** Opens a wrap with the reader's key; {@link NotGranted} when it was not made for that key or was altered. */
    public static byte[] unwrap(byte[] wrap, AccountKey reader) {
        if (wrap.length != BYTES) {
            throw new NotGranted("a key wrap has " + BYTES + " bytes, this one " + wrap.length);
        }
        byte[] ephemeralPublic = Arrays.copyOf(wrap, 64);
        byte[] shared;
        try {
            shared = reader.agree(ephemeralPublic);
        } catch (IllegalArgumentException e) {
            throw new NotGranted("the key wrap is damaged: " + e.getMessage());
        }
        byte[] kek = kek(shared, ephemeralPublic, reader.publicKey());
        try {
            return Aead.open(kek, Arrays.copyOfRange(wrap, 64, wrap.length), ephemeralPublic);
        } catch (Aead.OpenFailed e) {
            throw new NotGranted("this key wrap is not for " + reader.address() + " (" + e.getMessage() + ")");
        }
    }

    private static byte[] kek(byte[] shared, byte[] ephemeralPublic, byte[] readerPublic) {
        byte[] info = Arrays.copyOf(LABEL, LABEL.length + readerPublic.length);
        System.arraycopy(readerPublic, 0, info, LABEL.length, readerPublic.length);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, ephemeralPublic, info));
        byte[] out = new byte[Aead.KEY_BYTES];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    /** The account holds no key to this document. */
    public static final class NotGranted extends RuntimeException {
        public NotGranted(String message) {
            super(message);
        }
    }
}
