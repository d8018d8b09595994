package dev.huzhu.privacy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** The ECDH arithmetic on secp256k1 (Bouncy Castle's curve, as web3j uses it). */
final class Secp256k1 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.bouncycastle.asn1.x9.X9ECParameters PARAMS = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1");

    private Secp256k1() {}

    static ECPoint point(byte[] publicKey64) {
        if (publicKey64.length != 64) {
            throw new IllegalArgumentException("a public key has 64 bytes (x ‖ y), got " + publicKey64.length);
        }
        byte[] encoded = new byte[65];
        encoded[0] = 4;
        System.arraycopy(publicKey64, 0, encoded, 1, 64);
        ECPoint p = PARAMS.getCurve().decodePoint(encoded);
        if (!p.isValid() || p.isInfinity()) {
            throw new IllegalArgumentException("not a point of secp256k1");
        }
        return p;
    }

    static byte[] agree(BigInteger privateKey, byte[] peerPublicKey) {
        ECPoint shared = point(peerPublicKey).multiply(privateKey).normalize();
        if (shared.isInfinity()) {
            throw new IllegalArgumentException("degenerate shared point");
        }
        return shared.getAffineXCoord().getEncoded();
    }

    static byte[] publicKeyOf(BigInteger privateKey) {
        return Numeric.toBytesPadded(Sign.publicKeyFromPrivate(privateKey), 64);
    }

    /** A fresh private key in [1, n-1]. */
    static BigInteger freshPrivateKey() {
        BigInteger n = PARAMS.getN();
        BigInteger k;
        do {
            k = new BigInteger(256, RANDOM);
        } while (k.signum() == 0 || k.compareTo(n) >= 0);
        return k;
    }

    /** The address (EIP-55) of a 64-byte public key. */
    static String addressOf(byte[] publicKey64) {
        return dev.huzhu.protocol.Address.checksum("0x" + org.web3j.crypto.Keys.getAddress(new BigInteger(1, publicKey64)));
    }
}
