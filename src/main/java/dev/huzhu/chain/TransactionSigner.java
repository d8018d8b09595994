package dev.huzhu.chain;

import org.web3j.crypto.RawTransaction;

/**
 * Signs transactions for one account. Implemented by the wallet, which alone holds keys; the
 * chain code only ever sees the address and the signed bytes.
 */
public interface TransactionSigner {
    /** The signing account, EIP-55. */
    String address();

    /** Signs {@code tx} for {@code chainId} (EIP-155 / EIP-1559) and returns the raw hex to broadcast. */
    String sign(RawTransaction tx, long chainId);
}
