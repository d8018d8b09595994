package dev.huzhu.wallet;

import dev.huzhu.chain.TransactionSigner;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** An unlocked keystore account. The key never leaves this object; only signatures do. */
public final class KeystoreSigner implements TransactionSigner {
    private final String address;
    private final Credentials credentials;

    KeystoreSigner(String address, ECKeyPair pair) {
        this.address = address;
        this.credentials = Credentials.create(pair);
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
    public String toString() {
        return "KeystoreSigner[" + address + "]";
    }
}
