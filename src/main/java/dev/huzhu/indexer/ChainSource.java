package dev.huzhu.indexer;

import dev.huzhu.chain.Redaction;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/** The JSON-RPC calls the indexer makes: head, block headers (batched) and logs over a range. */
public final class ChainSource implements AutoCloseable {
    private static final int HEADER_BATCH = 100;
    private final Web3j web3j;
    private final String rpcUrl;

    public ChainSource(String rpcUrl) {
        this.rpcUrl = rpcUrl;
        this.web3j = Web3j.build(dev.huzhu.chain.RpcHttp.service(rpcUrl));
    }

    /** The underlying client, for contract reads (eth_call) through the generated wrappers. */
    public Web3j web3j() {
        return web3j;
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public long chainId() {
        return check(call(() -> web3j.ethChainId().send()), "eth_chainId").getChainId().longValueExact();
    }

    /** The number of the newest block at {@code finality}. */
    public long head(Finality finality) {
        DefaultBlockParameter tag = finality == Finality.FINALIZED ? DefaultBlockParameterName.FINALIZED : DefaultBlockParameterName.LATEST;
        EthBlock.Block b = check(call(() -> web3j.ethGetBlockByNumber(tag, false).send()), "eth_getBlockByNumber").getBlock();
        if (b == null) {
            throw new RpcException("the node has no " + finality.tag() + " block", false, null);
        }
        return b.getNumber().longValueExact();
    }

    /** The header of block {@code number}; fails if the node does not have it. */
    public BlockHeader header(long number) {
        BlockHeader h = headers(List.of(number)).get(number);
        if (h == null) {
            throw new RpcException("the node does not have block " + number + " (yet)", false, null);
        }
        return h;
    }

    /** Headers of {@code numbers}, fetched in JSON-RPC batches; blocks the node lacks are left out. */
    public Map<Long, BlockHeader> headers(Collection<Long> numbers) {
        Map<Long, BlockHeader> out = new HashMap<>();
        List<Long> all = new ArrayList<>(numbers);
        for (int i = 0; i < all.size(); i += HEADER_BATCH) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + HEADER_BATCH));
            BatchRequest batch = web3j.newBatch();
            for (long n : chunk) {
                batch.add(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false));
            }
            BatchResponse responses = call(batch::send);
            for (Response<?> r : responses.getResponses()) {
                EthBlock.Block b = check((EthBlock) r, "eth_getBlockByNumber").getBlock();
                if (b == null) {
                    continue;
                }
                out.put(b.getNumber().longValueExact(),
                        new BlockHeader(b.getNumber().longValueExact(), b.getHash(), b.getParentHash(), b.getTimestamp().longValueExact()));
            }
        }
        return out;
    }

    /** Logs emitted by {@code addresses} in blocks [from, to], in chain order. */
    public List<Log> logs(long from, long to, List<String> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), addresses);
        EthLog response = call(() -> web3j.ethGetLogs(filter).send());
        if (response.hasError()) {
            String msg = "eth_getLogs " + from + ".." + to + ": " + response.getError().getMessage();
            boolean range = RpcException.looksLikeRangeError(response.getError().getMessage()) || response.getError().getCode() == -32005;
            throw new RpcException(msg, range, !range && RpcException.permanentRpcCode(response.getError().getCode()), null);
        }
        List<Log> logs = new ArrayList<>(response.getLogs().size());
        for (EthLog.LogResult<?> r : response.getLogs()) {
            logs.add((Log) r.get());
        }
        return logs;
    }

    private interface RpcCall<T> {
        T send() throws IOException;
    }

    private <T> T call(RpcCall<T> c) {
        try {
            return c.send();
        } catch (IOException e) {
            String msg = dev.huzhu.chain.RpcFailure.describe(rpcUrl, e);
            // an answer over the size limit: only eth_getLogs answers grow that big, so ask for fewer blocks
            boolean tooLarge = e instanceof dev.huzhu.chain.RpcHttp.ResponseTooLarge;
            throw new RpcException(msg, tooLarge || RpcException.looksLikeRangeError(e.getMessage()) && e.getMessage().contains("eth_getLogs"), e);
        } catch (RuntimeException e) {
            // web3j's HttpService says "Invalid response received: 401; …" for an HTTP error status
            int status = RpcException.httpStatus(e.getMessage());
            throw new RpcException(dev.huzhu.chain.RpcFailure.describe(rpcUrl, e), false,
                    RpcException.permanentHttpStatus(status), e);
        }
    }

    private static <R extends Response<?>> R check(R r, String method) {
        if (r.hasError()) {
            throw new RpcException(method + ": " + r.getError().getMessage(), false, RpcException.permanentRpcCode(r.getError().getCode()), null);
        }
        return r;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
