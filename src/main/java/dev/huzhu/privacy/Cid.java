package dev.huzhu.privacy;

import dev.huzhu.protocol.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An IPFS-compatible content id: CIDv1, codec raw (0x55), multihash sha2-256 (0x12, 32 bytes),
 * written in multibase base32 lower case ('b' prefix), e.g.
 * {@code bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku} for the empty document. The
 * 32-byte digest is what goes on chain (a bytes32): the id follows from it and back.
 */
public record Cid(byte[] digest) {
    private static final byte[] PREFIX = {0x01, 0x55, 0x12, 0x20};
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    public Cid {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a sha2-256 digest has 32 bytes, got " + digest.length);
        }
        digest = digest.clone();
    }

    /** The id of {@code content}. */
    public static Cid of(byte[] content) {
        return new Cid(sha256(content));
    }

    /** The id whose digest is the on-chain bytes32 {@code hex} (0x + 64 hex digits). */
    public static Cid ofDigestHex(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (!h.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidInputException("'" + hex + "' is not a 32-byte hash (0x + 64 hex digits)");
        }
        return new Cid(HexFormat.of().parseHex(h));
    }

    /** Parses the text form; anything but a CIDv1 raw sha2-256 base32 id is refused with one line. */
    public static Cid parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.length() != 59 || t.charAt(0) != 'b') {
            throw new InvalidInputException("'" + abbreviate(t) + "' is not a document id (CIDv1 raw sha2-256, base32: b + 58 characters)");
        }
        byte[] bytes = decodeBase32(t.substring(1).toLowerCase(Locale.ROOT), t);
        if (bytes.length != 36 || !Arrays.equals(Arrays.copyOf(bytes, 4), PREFIX)) {
            throw new InvalidInputException("'" + abbreviate(t) + "' is not a CIDv1 of raw sha2-256 content");
        }
        return new Cid(Arrays.copyOfRange(bytes, 4, 36));
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    public String digestHex() {
        return "0x" + HexFormat.of().formatHex(digest);
    }

    /** Whether {@code content} hashes to this id. */
    public boolean matches(byte[] content) {
        return MessageDigest.isEqual(digest, sha256(content));
    }

    @Override
    public String toString() {
        byte[] bytes = new byte[36];
        System.arraycopy(PREFIX, 0, bytes, 0, 4);
        System.arraycopy(digest, 0, bytes, 4, 32);
        return "b" + encodeBase32(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cid c && Arrays.equals(digest, c.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32, lower case, no padding (multibase 'b'). */
    static String encodeBase32(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    private static byte[] decodeBase32(String s, String original) {
        byte[] out = new byte[s.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                throw new InvalidInputException("'" + abbreviate(original) + "' is not a document id: '" + s.charAt(i) + "' is not base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 70 ? s.substring(0, 67) + "…" : s;
    }
}
