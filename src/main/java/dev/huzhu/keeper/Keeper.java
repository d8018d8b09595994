package dev.huzhu.keeper;

import dev.huzhu.chain.FeeOverrides;
import dev.huzhu.chain.NetworkException;
import dev.huzhu.chain.PreparedTransaction;
import dev.huzhu.chain.RevertedException;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.TransactionSender;
import dev.huzhu.chain.TransactionSigner;
import dev.huzhu.chain.TransactionTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * One keeper pass: asks its task source what looks due at the chain's time, then for each call
 * runs {@code eth_estimateGas} as the keeper account — a call that would revert is skipped with
 * its decoded reason and nothing is sent — and sends the others one by one, waiting for each
 * receipt. Every call it makes is permissionless: the keeper holds no rights over any plan.
 */
public final class Keeper {
    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(120);

    private final Web3j web3j;
    private final TransactionSender sender;
    private final TransactionSigner signer;
    private final TaskSource source;

    public Keeper(Web3j web3j, TransactionSender sender, TransactionSigner signer, TaskSource source) {
        this.web3j = web3j;
        this.sender = sender;
        this.signer = signer;
        this.source = source;
    }

    /** The keeper account. */
    public String address() {
        return signer.address();
    }

    /** Runs one pass; a node that stops answering ends it with a {@link NetworkException}. */
    public PassReport runOnce() {
        return runOnce(() -> false);
    }

    /** As {@link #runOnce()}, ending early (between two calls) once {@code stopping} is true. */
    public PassReport runOnce(java.util.function.BooleanSupplier stopping) {
        long now = chainTime();
        List<PassReport.Sent> sent = new ArrayList<>();
        List<PassReport.Skipped> skipped = new ArrayList<>();
        for (KeeperTask task : source.tasks(now)) {
            if (stopping.getAsBoolean()) {
                break;
            }
            PreparedTransaction tx;
            try {
                tx = sender.prepare(signer.address(), task.plan(), task.data(), java.math.BigInteger.ZERO, FeeOverrides.NONE, task.description());
            } catch (RevertedException e) { // eth_estimateGas says it would revert: send nothing
                skipped.add(new PassReport.Skipped(task, e.getMessage()));
                continue;
            }
            try {
                SentTransaction s = sender.send(tx, signer, 1, RECEIPT_TIMEOUT, line -> { });
                sent.add(new PassReport.Sent(task, s.hash(), s.blockNumber().longValue(), s.gasUsed().longValue()));
            } catch (RevertedException | TransactionTimeoutException e) { // raced by another caller between estimate and mining
                skipped.add(new PassReport.Skipped(task, "sent but not applied: " + e.getMessage()));
            }
        }
        return new PassReport(now, sent, skipped);
    }

    private long chainTime() {
        try {
            return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValueExact();
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }
}
