package dev.huzhu.privacy;

import dev.huzhu.protocol.Address;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * An {@link AccountKey} over an unlocked key pair: what the wallet's signer delegates to once the
 * keystore is open (and what the demo uses for its public development keys).
 */
public final class KeyPairAccountKey implements AccountKey {
    private final ECKeyPair pair;
    private final String address;

    public KeyPairAccountKey(ECKeyPair pair) {
        this.pair = pair;
        this.address = Address.checksum("0x" + Keys.getAddress(pair.getPublicKey()));
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public byte[] publicKey() {
        return Numeric.toBytesPadded(pair.getPublicKey(), 64);
    }

    @Override
    public byte[] signPersonal(byte[] message) {
        Sign.SignatureData sig = Sign.signPrefixedMessage(message, pair);
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = sig.getV()[0];
        return out;
    }

    @Override
    public byte[] agree(byte[] peerPublicKey) {
        return Secp256k1.agree(pair.getPrivateKey(), peerPublicKey);
    }

    @Override
    public String toString() {
        return "KeyPairAccountKey[" + address + "]";
    }
}
