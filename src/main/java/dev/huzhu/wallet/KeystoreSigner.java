package dev.huzhu.wallet;

import dev.huzhu.chain.TransactionSigner;
import dev.huzhu.chain.TypedDataSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** An unlocked keystore account. The key never leaves this object; only signatures do. */
public final class KeystoreSigner implements TransactionSigner, TypedDataSigner, dev.huzhu.privacy.AccountKey {
    private final String address;
    private final Credentials credentials;
    private final dev.huzhu.privacy.KeyPairAccountKey key;

    KeystoreSigner(String address, ECKeyPair pair) {
        this.address = address;
        this.credentials = Credentials.create(pair);
        this.key = new dev.huzhu.privacy.KeyPairAccountKey(pair);
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String sign(RawTransaction tx, long chainId) {
        return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, credentials));
    }

    @Override
    public String signTypedData(String typedDataJson) {
        try {
            Sign.SignatureData sig = Sign.signTypedData(typedDataJson, credentials.getEcKeyPair());
            byte[] out = new byte[65];
            System.arraycopy(sig.getR(), 0, out, 0, 32);
            System.arraycopy(sig.getS(), 0, out, 32, 32);
            out[64] = sig.getV()[0];
            return Numeric.toHexString(out);
        } catch (IOException e) {
            throw new UncheckedIOException("not an EIP-712 message: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] publicKey() {
        return key.publicKey();
    }

    @Override
    public byte[] signPersonal(byte[] message) {
        return key.signPersonal(message);
    }

    @Override
    public byte[] agree(byte[] peerPublicKey) {
        return key.agree(peerPublicKey);
    }

    @Override
    public String toString() {
        return "KeystoreSigner[" + address + "]";
    }
}
