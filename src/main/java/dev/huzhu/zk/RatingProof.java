package dev.huzhu.zk;

import java.math.BigInteger;
import java.util.List;

/**
 * A Groth16 proof that some registered member rated a plan {@code stars} with a review hash, against {@code root},
 * with {@code nullifier} as that member's one-time tag; {@code proof} is ordered as the Solidity verifier takes it.
 */
public record RatingProof(BigInteger root, BigInteger nullifier, List<BigInteger> proof, long millis) {}
