package dev.huzhu.protocol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The registry positions a jury draw visits, in order: the contract's partial Fisher-Yates shuffle
 * (contracts/pool/jury/Jury.sol, docs/claims.md "Drawing the panel") replayed off chain. The plan
 * keeps no position-to-member map, so whoever draws names the holder of each visited position.
 */
public final class JuryShuffle {
    /** Jury.TRIES_PER_SEAT: positions visited per seat at most. */
    public static final int TRIES_PER_SEAT = 4;
    /** Jury.DEFAULT_PANEL: the panel size when the rules leave it at 0. */
    public static final int DEFAULT_PANEL = 5;

    private JuryShuffle() {}

    /** The panel size a rule value means (0 = the default). */
    public static int panelSize(int ruleValue) {
        return ruleValue == 0 ? DEFAULT_PANEL : ruleValue;
    }

    /**
     * Every position (0-based) the draw may visit, in visit order: seed = keccak256(abi.encode(
     * blockHash, claimId, round)); try t visits slot t + keccak256(abi.encode(seed, t)) mod (n - t)
     * after swapping, at most {@code size * TRIES_PER_SEAT} tries (and n).
     */
    public static List<Integer> visitOrder(byte[] blockHash, BigInteger claimId, int round, int population, int size) {
        if (blockHash.length != 32) {
            throw new IllegalArgumentException("a block hash has 32 bytes, got " + blockHash.length);
        }
        byte[] seed = Hash.sha3(concat(blockHash, word(claimId), word(BigInteger.valueOf(round))));
        int tries = Math.min(size * TRIES_PER_SEAT, population);
        Map<Integer, Integer> moved = new HashMap<>();
        List<Integer> visited = new ArrayList<>(tries);
        for (int t = 0; t < tries; t++) {
            BigInteger r = new BigInteger(1, Hash.sha3(concat(seed, word(BigInteger.valueOf(t)))));
            int j = t + r.mod(BigInteger.valueOf(population - t)).intValueExact();
            int atJ = moved.getOrDefault(j, j);
            int atT = moved.getOrDefault(t, t);
            if (j != t) {
                moved.put(j, atT);
            }
            visited.add(atJ);
        }
        return visited;
    }

    private static byte[] word(BigInteger value) {
        return Numeric.toBytesPadded(value, 32);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
