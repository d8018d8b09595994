package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.RpcProxy;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * An RPC outage once a transaction is handed to the node: waited out when it ends in time; reported as
 * exit 9 (outcome unknown) with the hash and `huzhu tx status` when it does not, never as a failure —
 * in every case here the transaction was in fact mined.
 */
@ExtendWith(HardhatNodeExtension.class)
class UnknownOutcomeIT {
    private static final Pattern HASH = Pattern.compile("transaction (0x[0-9a-f]{64}) was sent, but its outcome is unknown");
    @TempDir Path tmp;

    @Test
    void anOutageAfterTheSendIsWaitedOutOrReportedAsUnknownNeverAsFailed(HardhatNode node) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node); RpcProxy proxy = new RpcProxy(node.rpcUrl())) {
            w.ok("deploy", "--account", "operator", "--yes");
            CliRunner cli = w.cli.copy().env("HUZHU_RPC_URL", proxy.url());

            // 1. a 3 s outage right after the send: waited out, the command succeeds
            AtomicLong downUntil = new AtomicLong();
            proxy.policy(body -> {
                if (System.currentTimeMillis() < downUntil.get()) {
                    return RpcProxy.DROP;
                }
                if (body.contains("eth_sendRawTransaction")) {
                    downUntil.set(System.currentTimeMillis() + 3_000);
                }
                return RpcProxy.FORWARD;
            });
            CliRunner.Result ok = cli.run("faucet", "10", "--account", "alice", "--yes");
            assertEquals(0, ok.exit(), ok.toString());
            assertTrue(ok.err().contains("the node stopped answering") && ok.err().contains("the node answers again"), ok.err());

            // 2. the node never answers again before --timeout: exit 9, the hash, how to check; it was mined
            downUntil.set(0);
            proxy.policy(body -> {
                if (downUntil.get() == -1) {
                    return RpcProxy.DROP;
                }
                if (body.contains("eth_sendRawTransaction")) {
                    downUntil.set(-1);
                }
                return RpcProxy.FORWARD;
            });
            CliRunner.Result unknown = cli.run("faucet", "10", "--account", "alice", "--yes", "--timeout", "3");
            assertEquals(ExitCodes.UNKNOWN_OUTCOME, unknown.exit(), unknown.toString());
            String hash = minedHash(w, unknown);
            assertTrue(unknown.errLine().endsWith("; it may have been mined. Check it with `huzhu tx status " + hash
                    + "` (same --network/--rpc-url) before sending again"), unknown.errLine());
            CliRunner.Result status = w.cli.run("tx", "status", hash);
            assertEquals(0, status.exit(), status.toString());
            assertTrue(status.out().startsWith("transaction " + hash + " was mined in block "), status.out());

            // 3. the answer to the send itself is lost: the hash is known before sending, exit 9 again
            proxy.policy(body -> body.contains("eth_sendRawTransaction") ? new RpcProxy.ForwardThenDrop() : RpcProxy.FORWARD);
            CliRunner.Result lost = cli.run("faucet", "10", "--account", "alice", "--yes");
            assertEquals(ExitCodes.UNKNOWN_OUTCOME, lost.exit(), lost.toString());
            assertTrue(lost.errLine().contains("the node stopped answering while taking it"), lost.errLine());
            minedHash(w, lost);

            // a hash the node never saw
            CliRunner.Result never = w.cli.run("tx", "status", "0x" + "ab".repeat(32));
            assertEquals(ExitCodes.NOT_FOUND, never.exit(), never.toString());
        }
    }

    @Test
    void aReadFailingAfterTheTransactionWasMinedSaysItWasMined(HardhatNode node) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node); RpcProxy proxy = new RpcProxy(node.rpcUrl())) {
            w.ok("deploy", "--account", "operator", "--yes");
            w.ok("pool", "create", "--category", "medical", "--contribution", "10", "--max-payout", "100", "--assessor", "assessor1",
                    "--account", "operator", "--yes");
            w.ok("faucet", "100", "--account", "alice", "--yes");
            w.ok("member", "join", "--plan", "0", "--amount", "20", "--account", "alice", "--yes");
            // approve, then deposit; once the deposit is sent, every contract read fails (the node is gone for reads)
            AtomicLong sends = new AtomicLong();
            proxy.policy(body -> {
                if (body.contains("eth_sendRawTransaction")) {
                    sends.incrementAndGet();
                }
                return sends.get() >= 2 && body.contains("eth_call") ? RpcProxy.DROP : RpcProxy.FORWARD;
            });
            CliRunner.Result r = w.cli.copy().env("HUZHU_RPC_URL", proxy.url()).run("member", "deposit", "--plan", "0", "--amount", "10",
                    "--account", "alice", "--yes");
            assertEquals(2, sends.get(), r.toString());
            assertEquals(ExitCodes.UNKNOWN_OUTCOME, r.exit(), r.toString());
            Matcher m = Pattern.compile("^huzhu: transaction (0x[0-9a-f]{64}) was mined in block \\d+, but then .*; do not send it again: "
                    + "`huzhu tx status 0x[0-9a-f]{64}` shows it$").matcher(r.errLine());
            assertTrue(m.find(), r.errLine());
            assertTrue(w.web3j.ethGetTransactionReceipt(m.group(1)).send().getTransactionReceipt().orElseThrow().isStatusOK());
        }
    }

    /** The hash the error line names, checked to be mined on the real node. */
    private static String minedHash(CliWorld w, CliRunner.Result r) throws Exception {
        Matcher m = HASH.matcher(r.errLine());
        assertTrue(m.find(), r.errLine());
        TransactionReceipt receipt = w.web3j.ethGetTransactionReceipt(m.group(1)).send().getTransactionReceipt().orElseThrow();
        assertTrue(receipt.isStatusOK(), "the transaction reported as unknown was mined and succeeded");
        return m.group(1);
    }
}
