package dev.huzhu.cli;

import dev.huzhu.chain.GasPrice;
import dev.huzhu.chain.PreparedTransaction;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.wallet.KeystoreEntry;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Map;

/**
 * The one way commands send a transaction: estimate (a revert stops here, nothing sent), show
 * gas and cost, ask (unless --yes), unlock the account, sign, send, wait, report.
 */
public final class TxFlow {
    private final Session session;
    private final ChainContext chain;
    private final AccountOptions account;
    private final TxOptions tx;
    private final PrintWriter err;
    private final KeystoreEntry entry;
    private dev.huzhu.chain.TransactionSigner signer;

    public TxFlow(Session session, ChainContext chain, AccountOptions account, TxOptions tx, PrintWriter err) {
        this.session = session;
        this.chain = chain;
        this.account = account;
        this.tx = tx;
        this.err = err;
        tx.check();
        this.entry = account.entry(session);
        if (!chain.profile().local() && dev.huzhu.chain.DevAccounts.first(dev.huzhu.chain.DevAccounts.COUNT).stream()
                .anyMatch(c -> c.getAddress().equalsIgnoreCase(entry.address()))) {
            throw new UserError(ExitCodes.WALLET, "account " + entry.name() + " (" + entry.address() + ") is a Hardhat development key that everyone knows; "
                    + "it signs on local chains only, not on " + chain.profile().name());
        }
    }

    /** Unlocks the account now (asks for the password once, before a batch of transactions). */
    public void unlock() {
        if (signer == null) {
            signer = account.unlock(session, entry);
        }
    }

    public boolean yes() {
        return tx.yes;
    }

    /** The sender's address (no password needed). */
    public String from() {
        return entry.address();
    }

    public KeystoreEntry entry() {
        return entry;
    }

    /** Sends a call to {@code to} (or creates a contract when {@code to} is null), asking first unless --yes. */
    public SentTransaction send(String to, String data, String description) {
        return send(to, data, description, tx.yes);
    }

    /** As {@link #send(String, String, String)}; {@code confirmed} skips the question (already asked for a batch). */
    public SentTransaction send(String to, String data, String description, boolean confirmed) {
        PreparedTransaction p = prepare(to, data, description);
        err.printf("%s%n  from %s (%s) on %s (chain %d), nonce %s%n", description, entry.name(), entry.address(),
                chain.profile().name(), chain.chainId(), p.nonce());
        if (p.pendingAhead() > 0) {
            err.printf("  note: %d earlier transaction(s) of this account are still pending%n", p.pendingAhead());
        }
        err.printf("  gas ~%,d (limit %,d), max fee %s gwei, tip %s gwei: about %s ETH, at most %s ETH%n",
                p.estimatedGas(), p.gasLimit(), GasPrice.gwei(p.maxFeePerGas()), GasPrice.gwei(p.priorityFeePerGas()),
                GasPrice.eth(p.expectedCostWei()), GasPrice.eth(p.maxCostWei()));
        err.flush();
        Confirmation.require(session, err, "send?", confirmed);
        if (signer == null) {
            signer = account.unlock(session, entry);
        }
        SentTransaction sent = chain.sender().send(p, signer, tx.confirmations(), tx.timeout(), line -> {
            err.println("  " + line);
            err.flush();
        });
        err.printf("  mined in block %s, gas used %,d (%s ETH)%n", sent.blockNumber(), sent.gasUsed(),
                GasPrice.eth(sent.gasUsed().multiply(sent.effectiveGasPrice())));
        err.flush();
        return sent;
    }

    /** Estimates the call; a sender without ETH for gas is told how to get some (on a local chain: `huzhu dev fund`). */
    private PreparedTransaction prepare(String to, String data, String description) {
        try {
            return chain.sender().prepare(entry.address(), to, data, BigInteger.ZERO, tx.fees(), description);
        } catch (dev.huzhu.chain.NotEnoughEthException e) {
            String who = entry.name().equalsIgnoreCase(entry.address()) ? entry.address() : entry.name() + " (" + entry.address() + ")";
            String hint = chain.profile().local() ? "; on the local node run `huzhu dev fund " + entry.name() + "`"
                    : "; send it some ETH from another account or an exchange";
            throw new dev.huzhu.chain.RevertedException(dev.huzhu.chain.NotEnoughEthException.words(who, e.balance(), e.need()) + hint, null, null);
        }
    }

    /** The JSON view of a sent transaction, for --json outputs. */
    public static Map<String, Object> json(SentTransaction s) {
        return Json.object("hash", s.hash(), "block", s.blockNumber().longValue(), "gasUsed", s.gasUsed().longValue(),
                "feeWei", s.gasUsed().multiply(s.effectiveGasPrice()).toString());
    }

    /** The human one-liner of a sent transaction. */
    public static String line(SentTransaction s) {
        return "tx " + s.hash() + " (block " + s.blockNumber() + ", gas " + String.format("%,d", s.gasUsed()) + ")";
    }
}
