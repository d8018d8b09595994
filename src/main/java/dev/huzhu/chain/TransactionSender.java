package dev.huzhu.chain;

import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Sends EIP-1559 transactions the careful way: estimate first (a revert is decoded and nothing is
 * sent), show the cost, sign with the pending nonce under a per-account lock, wait for the
 * receipt and the requested confirmations, and report a timeout instead of retrying blindly.
 */
public final class TransactionSender {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TransactionSender.class);
    /** Default tip when the node does not suggest one: 1 gwei. */
    public static final BigInteger DEFAULT_PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
    /** Safety margin over the gas estimate: +20 %. */
    private static final int GAS_MARGIN_PERCENT = 20;
    private static final Pattern NESTED_DATA = Pattern.compile("\"data\"\\s*:\\s*\"(0x[0-9a-fA-F]*)\"");

    private final Web3j web3j;
    private final long chainId;
    private final Function<String, Optional<String>> revertDescriber;
    private final Path lockDir;

    /**
     * @param revertDescriber turns revert data into words (empty when it cannot)
     * @param lockDir directory for per-account nonce locks (null: no locking)
     */
    public TransactionSender(Web3j web3j, long chainId, Function<String, Optional<String>> revertDescriber, Path lockDir) {
        this.web3j = web3j;
        this.chainId = chainId;
        this.revertDescriber = revertDescriber;
        this.lockDir = lockDir;
    }

    /** Estimates gas and fees for a call (to != null) or a contract creation (to == null). */
    public PreparedTransaction prepare(String from, String to, String data, BigInteger value, FeeOverrides fees, String description) {
        try {
            EthEstimateGas estimate = web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(
                    from, null, null, null, to, value, data)).send();
            if (estimate.hasError()) {
                throw reverted(estimate.getError(), null);
            }
            BigInteger gas = estimate.getAmountUsed();
            BigInteger limit = fees.gasLimit() != null ? fees.gasLimit()
                    : gas.multiply(BigInteger.valueOf(100 + GAS_MARGIN_PERCENT)).divide(BigInteger.valueOf(100));
            if (fees.gasLimit() != null && fees.gasLimit().compareTo(gas) < 0) {
                throw new InvalidInputException("--gas-limit " + fees.gasLimit() + " is below the estimate of " + gas + " gas");
            }
            EthBlock.Block latest = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
            BigInteger baseFee = latest.getBaseFeePerGas() == null ? BigInteger.ZERO : latest.getBaseFeePerGas();
            BigInteger tip = fees.priorityFeePerGas() != null ? fees.priorityFeePerGas() : suggestedTip();
            BigInteger maxFee = fees.maxFeePerGas() != null ? fees.maxFeePerGas() : baseFee.multiply(BigInteger.TWO).add(tip);
            if (maxFee.compareTo(tip) < 0) {
                throw new InvalidInputException("--max-fee is below the priority fee");
            }
            if (maxFee.compareTo(baseFee) < 0) {
                throw new InvalidInputException("--max-fee " + GasPrice.gwei(maxFee) + " gwei is below the current base fee of " + GasPrice.gwei(baseFee) + " gwei");
            }
            BigInteger balance = web3j.ethGetBalance(from, DefaultBlockParameterName.LATEST).send().getBalance();
            BigInteger need = limit.multiply(maxFee).add(value);
            if (balance.compareTo(need) < 0) {
                throw new NotEnoughEthException(from, balance, need);
            }
            BigInteger pending = web3j.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING).send().getTransactionCount();
            BigInteger mined = web3j.ethGetTransactionCount(from, DefaultBlockParameterName.LATEST).send().getTransactionCount();
            return new PreparedTransaction(from, to, data, value, pending, gas, limit, baseFee, maxFee, tip,
                    pending.subtract(mined).intValue(), description);
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }

    /** Runs the call without sending it; returns the revert data when it would revert (empty hex when none is given). */
    public Optional<String> simulate(String from, String to, String data) {
        try {
            EthEstimateGas estimate = web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(
                    from, null, null, null, to, BigInteger.ZERO, data)).send();
            if (!estimate.hasError()) {
                return Optional.empty();
            }
            String revert = revertData(estimate.getError());
            return Optional.of(revert == null ? "0x" : revert);
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }

    private BigInteger suggestedTip() {
        try {
            var r = web3j.ethMaxPriorityFeePerGas().send();
            if (!r.hasError() && r.getMaxPriorityFeePerGas() != null && r.getMaxPriorityFeePerGas().signum() > 0) {
                return r.getMaxPriorityFeePerGas();
            }
        } catch (IOException | RuntimeException e) {
            // older nodes lack eth_maxPriorityFeePerGas
            LOG.debug("eth_maxPriorityFeePerGas failed ({}); tip {} wei", e.toString(), DEFAULT_PRIORITY_FEE);
        }
        return DEFAULT_PRIORITY_FEE;
    }

    /**
     * Signs and broadcasts {@code tx}, then waits for its receipt and {@code confirmations} blocks.
     *
     * @param progress receives human progress lines ("sent 0x…", "confirmations 2/3")
     * @throws RevertedException when it was mined but reverted (the error is decoded)
     * @throws TransactionTimeoutException when not mined / confirmed within {@code timeout}
     * @throws UnknownOutcomeException when the node stopped answering once the transaction was handed to it
     *     (the answer to the send itself was lost, or no receipt could be read before {@code timeout}): it may be mined
     */
    public SentTransaction send(PreparedTransaction tx, TransactionSigner signer, int confirmations, Duration timeout,
            Consumer<String> progress) {
        String hash = broadcast(tx, signer);
        progress.accept("sent " + hash);
        return await(tx, hash, Math.max(1, confirmations), timeout, progress);
    }

    /** Signs and broadcasts {@code tx} under the account's nonce lock and returns its hash without waiting for it to be mined. */
    public String broadcast(PreparedTransaction tx, TransactionSigner signer) {
        String hash;
        try (NonceLock ignored = NonceLock.acquire(lockDir, chainId, signer.address())) {
            BigInteger nonce;
            try {
                nonce = web3j.ethGetTransactionCount(signer.address(), DefaultBlockParameterName.PENDING).send().getTransactionCount();
            } catch (IOException e) {
                throw new NetworkException("the node stopped answering (nothing was sent): " + e.getMessage(), e);
            }
            RawTransaction raw = tx.to() == null
                    ? RawTransaction.createTransaction(chainId, nonce, tx.gasLimit(), "", tx.value(), tx.data(), tx.priorityFeePerGas(), tx.maxFeePerGas())
                    : RawTransaction.createTransaction(chainId, nonce, tx.gasLimit(), tx.to(), tx.value(), tx.data(), tx.priorityFeePerGas(), tx.maxFeePerGas());
            String signed = signer.sign(raw, chainId);
            hash = org.web3j.crypto.Hash.sha3(signed); // known before sending: a lost answer still names the transaction
            EthSendTransaction sent;
            try {
                sent = web3j.ethSendRawTransaction(signed).send();
            } catch (IOException e) {
                throw new UnknownOutcomeException(hash, "the node stopped answering while taking it (" + e.getMessage() + ")", e);
            }
            if (sent.hasError()) {
                throw new NetworkException("the node refused the transaction: " + sent.getError().getMessage());
            }
            if (sent.getTransactionHash() != null && !sent.getTransactionHash().equalsIgnoreCase(hash)) {
                LOG.warn("the node named transaction {} {}", hash, sent.getTransactionHash());
            }
        }
        return hash;
    }

    /**
     * Polls for the receipt until {@code timeout}. The node not answering for a while (a restart, a load
     * balancer's hiccup) is waited out: only at the deadline does it decide, and then an unreachable node
     * means the outcome is unknown, never that the transaction failed.
     */
    private SentTransaction await(PreparedTransaction tx, String hash, int confirmations, Duration timeout, Consumer<String> progress) {
        Instant deadline = Instant.now().plus(timeout);
        IOException outage = null;
        try {
            TransactionReceipt receipt = null;
            while (receipt == null) {
                try {
                    receipt = web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElse(null);
                    if (outage != null) {
                        progress.accept("the node answers again");
                        outage = null;
                    }
                } catch (IOException e) {
                    if (outage == null) {
                        progress.accept("the node stopped answering (" + e.getMessage() + "); still waiting for the receipt");
                    }
                    outage = e;
                }
                if (receipt == null) {
                    if (Instant.now().isAfter(deadline)) {
                        if (outage != null) {
                            throw new UnknownOutcomeException(hash, "the node stopped answering before its receipt could be read within "
                                    + timeout.toSeconds() + " s (" + outage.getMessage() + ")", outage);
                        }
                        throw notMinedOrUnknown(hash, tx, timeout);
                    }
                    sleep(200);
                }
            }
            if (!receipt.isStatusOK()) {
                throw revertedReceipt(tx, receipt);
            }
            int shown = 0;
            while (true) {
                BigInteger head;
                try {
                    head = web3j.ethBlockNumber().send().getBlockNumber();
                } catch (IOException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new TransactionTimeoutException("transaction " + hash + " is in block " + receipt.getBlockNumber()
                                + " but the node stopped answering before " + confirmations + " confirmations (" + e.getMessage() + ")", e);
                    }
                    sleep(500);
                    continue;
                }
                int have = head.subtract(receipt.getBlockNumber()).intValue() + 1;
                if (have >= confirmations) {
                    break;
                }
                if (have != shown) {
                    progress.accept("confirmations " + have + "/" + confirmations);
                    shown = have;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new TransactionTimeoutException("transaction " + hash + " is in block " + receipt.getBlockNumber()
                            + " but got only " + have + " of " + confirmations + " confirmations within " + timeout.toSeconds() + " s");
                }
                sleep(500);
            }
            BigInteger price = receipt.getEffectiveGasPrice() == null ? BigInteger.ZERO : new BigInteger(
                    receipt.getEffectiveGasPrice().replace("0x", ""), 16);
            return new SentTransaction(hash, receipt.getBlockNumber(), receipt.getGasUsed(), price, receipt.getContractAddress(), receipt);
        } catch (IOException e) {
            // the receipt says it was mined and reverted; only the replay for its reason failed
            throw new RevertedException("transaction " + hash + " reverted (the node stopped answering before the reason could be read)", null, hash);
        }
    }

    /** Tells a dropped transaction (the node forgot it: safe to send again) from a pending one (may still be mined). */
    private RuntimeException notMinedOrUnknown(String hash, PreparedTransaction tx, Duration timeout) {
        boolean known;
        try {
            known = web3j.ethGetTransactionByHash(hash).send().getTransaction().isPresent();
        } catch (IOException e) {
            return new UnknownOutcomeException(hash, "it was not mined within " + timeout.toSeconds() + " s and the node stopped answering ("
                    + e.getMessage() + ")", e);
        }
        if (!known) {
            return new TransactionTimeoutException("transaction " + hash + " was dropped by the node without being mined "
                    + "(nonce " + tx.nonce() + " is free again): it is safe to send again");
        }
        return new TransactionTimeoutException("transaction " + hash + " is still pending after " + timeout.toSeconds()
                + " s (nonce " + tx.nonce() + "); it may yet be mined: check it before sending again");
    }

    private RevertedException revertedReceipt(PreparedTransaction tx, TransactionReceipt receipt) throws IOException {
        EthCall replay = web3j.ethCall(Transaction.createFunctionCallTransaction(tx.from(), null, null, tx.gasLimit(),
                tx.to(), tx.value(), tx.data()), DefaultBlockParameter.valueOf(receipt.getBlockNumber().subtract(BigInteger.ONE))).send();
        if (replay.hasError()) {
            return reverted(replay.getError(), receipt.getTransactionHash());
        }
        return new RevertedException("transaction " + receipt.getTransactionHash() + " reverted in block "
                + receipt.getBlockNumber() + " (the reason could not be recovered)", null, receipt.getTransactionHash());
    }

    private RevertedException reverted(Response.Error error, String txHash) {
        String data = revertData(error);
        Optional<String> words = data == null ? Optional.empty() : revertDescriber.apply(data);
        String message = words.orElseGet(() -> data != null && data.length() >= 10
                ? "the contract reverted with unknown error " + data.substring(0, 10)
                : "the node rejected the transaction: " + error.getMessage());
        return new RevertedException(message, null, txHash);
    }

    /** The revert data of a JSON-RPC error, whether the node puts it in "data" as hex or inside an object. */
    static String revertData(Response.Error error) {
        String data = error.getData();
        if (data == null) {
            return null;
        }
        String bare = data.strip().replace("\"", "");
        if (bare.matches("0x[0-9a-fA-F]*")) {
            return bare;
        }
        Matcher m = NESTED_DATA.matcher(data);
        return m.find() ? m.group(1) : null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted while waiting for the transaction");
        }
    }
}
