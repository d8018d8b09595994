package dev.huzhu.cli.tx;

import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code huzhu tx status HASH}: mined (succeeded or reverted, block, confirmations), pending, or unknown
 * to the node. Exit 0 when mined and succeeded, 4 when it reverted, 8 when pending, 6 when the node does not know it.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Whether a transaction was mined (and succeeded), is pending, or is unknown to the node.",
        footer = {"", "Exit: 0 mined and succeeded, 4 mined and reverted, 8 pending, 6 unknown to the node (dropped or never received: safe to send again).",
                "", "Examples:", "  huzhu tx status 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
                "  huzhu tx status 0x5c50…2060 --network sepolia --json"})
public final class TxStatus implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "HASH", description = "the transaction hash (0x + 64 hex digits)")
    String hash;

    @Override
    public Integer call() throws IOException {
        if (hash == null || !hash.matches("0x[0-9a-fA-F]{64}")) {
            throw new InvalidInputException("HASH '" + hash + "' is not a transaction hash (0x followed by 64 hex digits)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(Session.of(spec), network)) {
            var web3j = chain.web3j();
            Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
            if (receipt.isPresent()) {
                TransactionReceipt r = receipt.get();
                BigInteger head = web3j.ethBlockNumber().send().getBlockNumber();
                long confirmations = head.subtract(r.getBlockNumber()).longValue() + 1;
                String state = r.isStatusOK() ? "mined" : "reverted";
                print(out, state, "transaction " + hash + " was mined in block " + r.getBlockNumber() + " (" + confirmations + " confirmations)"
                        + (r.isStatusOK() ? " and succeeded" : " and reverted") + ", gas used " + r.getGasUsed(), r.getBlockNumber(), confirmations);
                return r.isStatusOK() ? ExitCodes.OK : ExitCodes.REVERTED;
            }
            Optional<Transaction> pending = web3j.ethGetTransactionByHash(hash).send().getTransaction();
            if (pending.isPresent()) {
                print(out, "pending", "transaction " + hash + " is pending (nonce " + pending.get().getNonce() + "): not mined yet; it may still be",
                        null, 0);
                return ExitCodes.TIMEOUT;
            }
            print(out, "unknown", "the node does not know transaction " + hash + ": never received or dropped; check the account's nonce before sending again",
                    null, 0);
            return ExitCodes.NOT_FOUND;
        }
    }

    private void print(PrintWriter out, String state, String text, BigInteger block, long confirmations) {
        if (json.json) {
            Json.print(out, Json.object("hash", hash, "state", state, "block", block, "confirmations", block == null ? null : confirmations));
        } else {
            out.println(text);
        }
    }
}
