package dev.huzhu.zk;

import dev.huzhu.chain.NetworkException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * One plan's commitment tree as the chain's CommitmentRegistered logs give it: the leaves in insertion order and
 * the root after the last one. The prover rebuilds the Merkle path from these leaves; the contract's
 * {@code tree(plan)} view must report the same root and size, or the logs are incomplete.
 */
public record CommitmentTree(List<BigInteger> leaves, BigInteger root) {
    static final String TOPIC = Numeric.toHexString(Hash.sha3(
            "CommitmentRegistered(address,address,uint256,uint256,uint256)".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    /** Reads {@code plan}'s leaves from {@code registry}'s logs, from {@code fromBlock} to the latest block. */
    public static CommitmentTree read(Web3j web3j, String registry, String plan, long fromBlock) {
        Map<Long, BigInteger[]> byIndex = new TreeMap<>();
        for (Log log : LogQuery.of(web3j, registry, fromBlock, TOPIC, Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(plan), 64))) {
            String data = Numeric.cleanHexPrefix(log.getData());
            BigInteger commitment = new BigInteger(data.substring(0, 64), 16);
            long index = new BigInteger(data.substring(64, 128), 16).longValueExact();
            BigInteger root = new BigInteger(data.substring(128, 192), 16);
            byIndex.put(index, new BigInteger[] {commitment, root});
        }
        List<BigInteger> leaves = new ArrayList<>();
        BigInteger root = BigInteger.ZERO;
        long expected = 0;
        for (Map.Entry<Long, BigInteger[]> e : byIndex.entrySet()) {
            if (e.getKey() != expected++) {
                throw new NetworkException("the node returned the commitment tree of " + plan + " with leaf " + (expected - 1) + " missing");
            }
            leaves.add(e.getValue()[0]);
            root = e.getValue()[1];
        }
        return new CommitmentTree(List.copyOf(leaves), root);
    }

    /** The position of {@code commitment}, or -1. */
    public int indexOf(BigInteger commitment) {
        return leaves.indexOf(commitment);
    }
}
