package dev.huzhu.chain;

import java.util.List;
import java.util.stream.IntStream;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * Hardhat's publicly known development accounts (BIP-44 path m/44'/60'/0'/0/i of the
 * "test test … junk" mnemonic). For local chains only: anyone knows these keys.
 */
public final class DevAccounts {
    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    public static final int COUNT = 20;

    private DevAccounts() {}

    /** A signer for one of these public development keys (local chains only: everyone knows them). */
    public static TransactionSigner signer(Credentials key) {
        return new TransactionSigner() {
            @Override
            public String address() {
                return org.web3j.crypto.Keys.toChecksumAddress(key.getAddress());
            }

            @Override
            public String sign(org.web3j.crypto.RawTransaction tx, long chainId) {
                return org.web3j.utils.Numeric.toHexString(org.web3j.crypto.TransactionEncoder.signMessage(tx, chainId, key));
            }
        };
    }

    /** The first {@code n} development accounts, in Hardhat's order. */
    public static List<Credentials> first(int n) {
        if (n < 1 || n > COUNT) {
            throw new IllegalArgumentException("the Hardhat node funds " + COUNT + " dev accounts, asked for " + n);
        }
        byte[] seed = MnemonicUtils.generateSeed(MNEMONIC, "");
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        return IntStream.range(0, n)
                .mapToObj(i -> Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | hardened, 60 | hardened, hardened, 0, i}))
                .map(Credentials::create)
                .toList();
    }
}
