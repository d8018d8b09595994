package dev.huzhu.zk;

import dev.huzhu.chain.NetworkException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
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
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)), DefaultBlockParameterName.LATEST,
                anonymousReviews);
        filter.addSingleTopic(TOPIC);
        filter.addNullTopic();
        filter.addSingleTopic(Numeric.toHexString(digest));
        try {
            EthLog result = web3j.ethGetLogs(filter).send();
            if (result.hasError()) {
                throw new NetworkException("eth_getLogs failed: " + result.getError().getMessage());
            }
            return !result.getLogs().isEmpty();
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }
}
