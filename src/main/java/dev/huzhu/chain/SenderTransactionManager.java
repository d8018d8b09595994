package dev.huzhu.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.exceptions.ContractCallException;

/**
 * A web3j {@link TransactionManager} whose every transaction goes through {@link TransactionSender}:
 * the wrappers' {@code .send()} (the demo's deploys and calls) are estimated with eth_estimateGas
 * (a revert stops there, decoded, nothing sent), signed with the pending nonce under the account's
 * lock and awaited like every command's; the gas limit and fees the wrapper passes (its gas
 * provider's) are ignored.
 */
public final class SenderTransactionManager extends TransactionManager {
    private final Web3j web3j;
    private final TransactionSender sender;
    private final TransactionSigner signer;

    public SenderTransactionManager(Web3j web3j, TransactionSender sender, TransactionSigner signer) {
        super(web3j, signer.address());
        this.web3j = web3j;
        this.sender = sender;
        this.signer = signer;
    }

    @Override
    protected TransactionReceipt executeTransaction(BigInteger gasPrice, BigInteger gasLimit, String to, String data, BigInteger value,
            boolean constructor) {
        return send(to, data, value, constructor);
    }

    @Override
    protected TransactionReceipt executeTransactionEIP1559(long chainId, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas,
            BigInteger gasLimit, String to, String data, BigInteger value, boolean constructor) {
        return send(to, data, value, constructor);
    }

    private TransactionReceipt send(String to, String data, BigInteger value, boolean constructor) {
        String target = constructor || to == null || to.isEmpty() ? null : to;
        PreparedTransaction p = sender.prepare(signer.address(), target, data, value == null ? BigInteger.ZERO : value, FeeOverrides.NONE,
                target == null ? "deploy a contract" : "call " + target);
        return sender.send(p, signer, 1, Duration.ofSeconds(120), line -> {}).receipt();
    }

    @Override
    public EthSendTransaction sendTransaction(BigInteger gasPrice, BigInteger gasLimit, String to, String data, BigInteger value, boolean constructor) {
        throw new UnsupportedOperationException("sent through TransactionSender (executeTransaction)");
    }

    @Override
    public EthSendTransaction sendEIP1559Transaction(long chainId, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, BigInteger gasLimit,
            String to, String data, BigInteger value, boolean constructor) {
        throw new UnsupportedOperationException("sent through TransactionSender (executeTransactionEIP1559)");
    }

    @Override
    public String sendCall(String to, String data, DefaultBlockParameter block) throws IOException {
        EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(getFromAddress(), to, data), block).send();
        if (call.isReverted()) {
            throw new ContractCallException("Contract Call has been reverted by the EVM with the reason: '" + call.getRevertReason() + "'.");
        }
        return call.getValue();
    }

    @Override
    public EthGetCode getCode(String contractAddress, DefaultBlockParameter block) throws IOException {
        return web3j.ethGetCode(contractAddress, block).send();
    }
}
