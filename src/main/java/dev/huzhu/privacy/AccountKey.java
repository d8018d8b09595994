package dev.huzhu.privacy;

/**
 * What the privacy code needs from an account's secp256k1 key, implemented by the wallet (which alone
 * holds keys): EIP-191 signatures (document uploads) and ECDH agreement (opening a wrapped key). The
 * private key never leaves the implementation; only signatures and shared secrets do.
 */
public interface AccountKey {
    /** The account, EIP-55. */
    String address();

    /** The uncompressed public key without the 0x04 prefix: 64 bytes (x ‖ y). */
    byte[] publicKey();

    /** EIP-191 personal_sign of {@code message}: r ‖ s ‖ v (65 bytes, v = 27/28). */
    byte[] signPersonal(byte[] message);

    /** ECDH with {@code peerPublicKey} (64 bytes x ‖ y): the shared point's x coordinate, 32 bytes. */
    byte[] agree(byte[] peerPublicKey);
}
