package dev.huzhu.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;

/**
 * One JSON-RPC connection with its chain id, EIP-1559 fees and one transaction manager per
 * signing key (so nonces stay in order for back-to-back transactions).
 */
public final class ChainConnection implements AutoCloseable {
    /** Gas limit per transaction, well under Hardhat's 60M block limit. */
    public static final BigInteger GAS_LIMIT = BigInteger.valueOf(6_000_000);
    private static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);

    private final HttpService service;
    private final Web3j web3j;
    private final long chainId;
    private final ContractGasProvider gasProvider;
    private final Map<String, TransactionManager> managers = new HashMap<>();

    private ChainConnection(HttpService service, Web3j web3j, long chainId, ContractGasProvider gasProvider) {
        this.service = service;
        this.web3j = web3j;
        this.chainId = chainId;
        this.gasProvider = gasProvider;
    }

    /** Connects to {@code rpcUrl}, reads its chain id and prices fees from the latest base fee. */
    public static ChainConnection open(String rpcUrl) throws IOException {
        HttpService service = RpcHttp.service(rpcUrl);
        Web3j web3j = Web3j.build(service);
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            EthBlock.Block latest = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
            BigInteger baseFee = latest.getBaseFeePerGas() == null ? BigInteger.ZERO : latest.getBaseFeePerGas();
            BigInteger maxFee = baseFee.multiply(BigInteger.TWO).add(PRIORITY_FEE);
            ContractGasProvider gas = new StaticEIP1559GasProvider(chainId, maxFee, PRIORITY_FEE, GAS_LIMIT);
            return new ChainConnection(service, web3j, chainId, gas);
        } catch (IOException | RuntimeException e) {
            web3j.shutdown();
            throw new IOException(RpcFailure.describe(rpcUrl, e), e);
        }
    }

    /**
     * Connects to the profile's node and checks that it serves the profile's chain: nothing may be
     * signed for the wrong chain.
     *
     * @throws NetworkException when the node does not answer or reports another chain id
     */
    public static ChainConnection open(NetworkProfile profile) {
        ChainConnection c;
        try {
            c = open(profile.rpcUrl());
        } catch (IOException e) {
            throw new NetworkException(e.getMessage() + " (network '" + profile.name() + "')", e);
        }
        if (c.chainId() != profile.chainId()) {
            c.close();
            throw new NetworkException("the node at " + Redaction.url(profile.rpcUrl()) + " serves chain id " + c.chainId()
                    + ", but network '" + profile.name() + "' is chain id " + profile.chainId() + "; check --network and --rpc-url");
        }
        return c;
    }

    /** The raw JSON-RPC service, for node-specific calls (evm_*). */
    public HttpService service() {
        return service;
    }

    public Web3j web3j() {
        return web3j;
    }

    public long chainId() {
        return chainId;
    }

    public ContractGasProvider gasProvider() {
        return gasProvider;
    }

    /** The transaction manager for {@code signer}; one per key per connection. */
    public synchronized TransactionManager transactionManager(Credentials signer) {
        return managers.computeIfAbsent(signer.getAddress(), a -> new RawTransactionManager(web3j, signer, chainId));
    }

    /**
     * A transaction manager that sends through {@link TransactionSender} (estimated gas, decoded reverts, nonce lock
     * in {@code lockDir}) with {@code signer}: what the demo's wrappers use, so it sends the way every command does.
     */
    public synchronized TransactionManager sendingManager(TransactionSigner signer, java.nio.file.Path lockDir) {
        return managers.computeIfAbsent("sender:" + signer.address(), a -> new SenderTransactionManager(web3j,
                new TransactionSender(web3j, chainId, data -> dev.huzhu.protocol.ErrorDecoder.packaged().decode(data)
                        .map(e -> new RevertMessages(new dev.huzhu.protocol.TokenInfo("", "the token", 0, false)).describe(e)), lockDir),
                signer));
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
