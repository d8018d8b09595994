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
    private SentTransaction lastMined;

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
            signer = unlockWithProgress();
        }
    }

    /** The unlocked account as an EIP-712 signer (asks for the password once). */
    public dev.huzhu.chain.TypedDataSigner typedDataSigner() {
        unlock();
        if (signer instanceof dev.huzhu.chain.TypedDataSigner t) {
            return t;
        }
        throw new UserError(ExitCodes.WALLET, "account " + entry.name() + " cannot sign EIP-712 messages");
    }

    /** The unlocked account's key for the privacy code: EIP-191 signatures and ECDH (asks for the password once). */
    public dev.huzhu.privacy.AccountKey accountKey() {
        unlock();
        if (signer instanceof dev.huzhu.privacy.AccountKey k) {
            return k;
        }
        throw new UserError(ExitCodes.WALLET, "account " + entry.name() + " cannot open or sign documents");
    }

    /** Unlocks the key with a line on stderr first: a standard scrypt keystore takes about a second. */
    private dev.huzhu.chain.TransactionSigner unlockWithProgress() {
        err.printf("  unlocking %s (scrypt)…%n", entry.name());
        err.flush();
        long t0 = System.nanoTime();
        dev.huzhu.chain.TransactionSigner s = account.unlock(session, entry);
        org.slf4j.LoggerFactory.getLogger(TxFlow.class).debug("unlocked {} in {} ms", entry.name(), (System.nanoTime() - t0) / 1_000_000);
        return s;
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

    /** The last transaction this flow saw mined, or null: a failure after it must not read as "nothing happened". */
    public SentTransaction lastMined() {
        return lastMined;
    }

    /** Sends a call to {@code to} (or creates a contract when {@code to} is null), asking first unless --yes. */
    public SentTransaction send(String to, String data, String description) {
        return send(to, data, description, tx.yes);
    }

    /** As {@link #send(String, String, String)}; {@code confirmed} skips the question (already asked for a batch). */
    public SentTransaction send(String to, String data, String description, boolean confirmed) {
        return send(to, data, description, confirmed, null, null);
    }

    /**
     * A transaction the command's next one needs mined (a token approval): waited for even with
     * {@code --confirmations 0}; a dry run stops at it and names what would follow ({@code thenData}).
     */
    public SentTransaction sendPrerequisite(String to, String data, String description, String thenTo, String thenData) {
        return send(to, data, description, tx.yes, thenTo, thenData);
    }

    /** Refuses --dry-run and --confirmations 0 for a command whose transactions build on each other (deploy). */
    public void requireWaiting(String why) {
        if (tx.dryRun || tx.confirmations() == 0) {
            throw new dev.huzhu.protocol.InvalidInputException((tx.dryRun ? "--dry-run" : "--confirmations 0") + " is not available here: " + why);
        }
    }

    private SentTransaction send(String to, String data, String description, boolean confirmed, String thenTo, String thenData) {
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
        if (tx.dryRun) {
            throw dryRun(p, thenTo, thenData);
        }
        Confirmation.require(session, err, "send?", confirmed);
        if (signer == null) {
            signer = unlockWithProgress();
        }
        if (tx.confirmations() == 0 && thenData == null) {
            String hash = chain.sender().broadcast(p, signer);
            throw new StoppedEarly("sent " + hash + " (nonce " + p.nonce() + "); not waiting for it to be mined (--confirmations 0)",
                    Json.object("tx", Json.object("hash", hash, "nonce", p.nonce().longValue(), "block", null), "waited", false));
        }
        SentTransaction sent = chain.sender().send(p, signer, tx.confirmations(), tx.timeout(), line -> {
            err.println("  " + line);
            err.flush();
        });
        lastMined = sent;
        err.printf("  mined in block %s, gas used %,d (%s ETH)%n", sent.blockNumber(), sent.gasUsed(),
                GasPrice.eth(sent.gasUsed().multiply(sent.effectiveGasPrice())));
        err.flush();
        return sent;
    }

    /** What a dry run prints: the call, its estimate and cost; for an approval, the call that would follow it. */
    private StoppedEarly dryRun(PreparedTransaction p, String thenTo, String thenData) {
        StringBuilder text = new StringBuilder("dry run, nothing sent: ").append(p.description()).append('\n')
                .append("  from   ").append(p.from()).append('\n')
                .append("  to     ").append(p.to() == null ? "(a new contract)" : p.to()).append('\n')
                .append("  data   ").append(p.data()).append('\n')
                .append(String.format("  gas    %,d (limit %,d): about %s ETH, at most %s ETH", p.estimatedGas(), p.gasLimit(),
                        GasPrice.eth(p.expectedCostWei()), GasPrice.eth(p.maxCostWei())));
        if (thenData != null) {
            text.append("\nthen, once the approval is mined (its gas can be estimated only then):\n  to     ").append(thenTo)
                    .append("\n  data   ").append(thenData);
        }
        return new StoppedEarly(text.toString(), Json.object("dryRun", true, "from", p.from(), "to", p.to(), "data", p.data(),
                "gas", p.estimatedGas().longValue(), "gasLimit", p.gasLimit().longValue(), "maxFeePerGasWei", p.maxFeePerGas().toString(),
                "expectedCostWei", p.expectedCostWei().toString(), "maxCostWei", p.maxCostWei().toString(),
                "then", thenData == null ? null : Json.object("to", thenTo, "data", thenData)));
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
