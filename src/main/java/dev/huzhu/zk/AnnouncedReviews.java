package dev.huzhu.zk;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.utils.Numeric;

/**
 * Whether an anonymous rating announced a review text: some {@code AnonymouslyRated} log of AnonymousReviews carries
 * the text's sha2-256 as its (indexed) review hash. The document store can then accept that text without an
 * uploader's signature, which would name the anonymous member (docs/privacy.md, "Zero-knowledge membership").
 */
public final class AnnouncedReviews {
    static final String TOPIC = Numeric.toHexString(Hash.sha3(
            "AnonymouslyRated(address,uint256,uint8,bytes32)".getBytes(StandardCharsets.US_ASCII)));

    private final Web3j web3j;
    private final String anonymousReviews;
    private final long fromBlock;

    public AnnouncedReviews(Web3j web3j, String anonymousReviews, long fromBlock) {
        this.web3j = web3j;
        this.anonymousReviews = anonymousReviews;
        this.fromBlock = fromBlock;
    }

    /** True when an anonymous rating on chain names {@code digest} (32 bytes) as its review hash. */
    public boolean announced(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a review hash has 32 bytes, not " + digest.length);
        }
        return !LogQuery.of(web3j, anonymousReviews, fromBlock, TOPIC, null, Numeric.toHexString(digest)).isEmpty();
    }
}
