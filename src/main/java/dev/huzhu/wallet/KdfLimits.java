package dev.huzhu.wallet;

import java.util.regex.Pattern;
import org.web3j.crypto.WalletFile;

/**
 * What a keystore file may ask of this machine before a password is tried: scrypt with at most
 * {@link #MAX_SCRYPT_BYTES} of memory (128·n·r bytes; geth's standard n = 2^18, r = 8 is 256 MiB),
 * PBKDF2-HMAC-SHA256 with at most {@link #MAX_PBKDF2_ROUNDS} rounds, a 32-byte derived key,
 * AES-128-CTR with a 16-byte IV and a 32-byte key, a 32-byte MAC. A file beyond these would run the
 * JVM out of memory or fail deep inside the decryption with a stack trace.
 */
final class KdfLimits {
    static final long MAX_SCRYPT_BYTES = 256L << 20;
    static final int MAX_SCRYPT_P = 16;
    static final int MAX_PBKDF2_ROUNDS = 10_000_000;
    private static final Pattern HEX = Pattern.compile("(0x)?[0-9a-fA-F]*");

    private KdfLimits() {}

    /** Null when the file's KDF and cipher parameters are within limits, else the reason (one line). */
    static String problem(WalletFile file) {
        WalletFile.Crypto c = file.getCrypto();
        if (c == null) {
            return "no crypto section";
        }
        if (!"aes-128-ctr".equals(c.getCipher())) {
            return "cipher '" + c.getCipher() + "' is not supported (only aes-128-ctr)";
        }
        if (c.getCipherparams() == null || hexBytes(c.getCipherparams().getIv()) != 16) {
            return "cipher IV is not 16 bytes of hex";
        }
        if (hexBytes(c.getCiphertext()) != 32) {
            return "ciphertext is not 32 bytes of hex";
        }
        if (hexBytes(c.getMac()) != 32) {
            return "MAC is not 32 bytes of hex";
        }
        Object p = c.getKdfparams();
        if (p instanceof WalletFile.ScryptKdfParams s) {
            long n = s.getN();
            long r = s.getR();
            if (s.getDklen() != 32) {
                return "scrypt dklen " + s.getDklen() + " is not 32 (a 16-byte AES key and a 16-byte MAC key)";
            }
            if (n < 2 || Long.bitCount(n) != 1 || r < 1 || s.getP() < 1) {
                return "scrypt parameters n=" + n + " r=" + r + " p=" + s.getP() + " are invalid (n a power of 2, r and p at least 1)";
            }
            if (128L * n * r > MAX_SCRYPT_BYTES || s.getP() > MAX_SCRYPT_P) {
                return "scrypt n=" + n + " r=" + r + " p=" + s.getP() + " needs " + mib(128L * n * r) + " MiB of memory per lane; huzhu opens keystores up to "
                        + mib(MAX_SCRYPT_BYTES) + " MiB and p <= " + MAX_SCRYPT_P + " (geth's standard: n=262144 r=8 p=1)";
            }
            if (hexBytes(s.getSalt()) < 0) {
                return "scrypt salt is not hex";
            }
            return null;
        }
        if (p instanceof WalletFile.Aes128CtrKdfParams a) {
            if (a.getDklen() != 32) {
                return "pbkdf2 dklen " + a.getDklen() + " is not 32";
            }
            if (!"hmac-sha256".equals(a.getPrf())) {
                return "pbkdf2 prf '" + a.getPrf() + "' is not supported (only hmac-sha256)";
            }
            if (a.getC() < 1 || a.getC() > MAX_PBKDF2_ROUNDS) {
                return "pbkdf2 rounds c=" + a.getC() + " out of range 1.." + MAX_PBKDF2_ROUNDS;
            }
            if (hexBytes(a.getSalt()) < 0) {
                return "pbkdf2 salt is not hex";
            }
            return null;
        }
        return "KDF '" + c.getKdf() + "' is not supported (scrypt or pbkdf2)";
    }

    /** The number of bytes a hex string holds, or -1 if it is not hex. */
    private static int hexBytes(String hex) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            return -1;
        }
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        return h.length() % 2 == 0 ? h.length() / 2 : -1;
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
