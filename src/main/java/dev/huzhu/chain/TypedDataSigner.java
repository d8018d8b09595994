package dev.huzhu.chain;

/**
 * Signs EIP-712 typed data for one account (an oracle's attestation, for instance). Implemented by
 * the wallet, which alone holds keys; the chain code sees the address and the signature only.
 */
public interface TypedDataSigner {
    /** The signing account, EIP-55. */
    String address();

    /** Signs the EIP-712 message {@code typedDataJson} (types, primaryType, domain, message) and returns r ‖ s ‖ v as hex. */
    String signTypedData(String typedDataJson);
}
