package dev.huzhu.zk;

import dev.huzhu.chain.TypedDataSigner;
import java.math.BigInteger;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A member's zero-knowledge secret, derived from its account key rather than stored: the keccak256 of the account's
 * EIP-712 signature of a fixed message, reduced into the BN254 scalar field. ECDSA signing here is deterministic
 * (RFC 6979), so the same key always gives the same secret: nothing new to back up, and losing the keystore loses
 * the secret with it. Whoever obtains that one signature can rate anonymously in the member's place (once per plan);
 * the CLI signs this message only locally and never sends the signature anywhere.
 */
public final class MembershipSecret {
    /** The BN254 scalar field (circom's and the Groth16 verifier's). */
    public static final BigInteger FIELD = new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");

    /** The message signed; no chain id: one secret per key on every chain (the nullifier separates plans). */
    static final String MESSAGE = """
            {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"}],
            "MembershipSecret":[{"name":"purpose","type":"string"}]},
            "primaryType":"MembershipSecret",
            "domain":{"name":"Huzhu zero-knowledge membership","version":"1"},
            "message":{"purpose":"Derive my anonymous-membership secret. Sign this only inside the huzhu CLI."}}""";

    private MembershipSecret() {}

    /** The secret of the account behind {@code signer}. */
    public static BigInteger derive(TypedDataSigner signer) {
        byte[] signature = Numeric.hexStringToByteArray(signer.signTypedData(MESSAGE));
        BigInteger secret = new BigInteger(1, Hash.sha3(signature)).mod(FIELD);
        if (secret.signum() == 0) {
            throw new IllegalStateException("the derived secret is zero"); // probability 2^-254
        }
        return secret;
    }
}
