package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/**
 * A testnet deployment rehearsed on a local node that reports Sepolia's chain id (11155111), signed
 * by a fresh keystore account (never a dev key): no MockUSD, an address book for 11155111, idempotent
 * re-runs, dev keys refused, and a transaction that is not mined reported as a timeout.
 */
class TestnetRehearsalIT {
    @Test
    void deployToSepoliaLookalike(@TempDir Path tmp) throws Exception {
        Path project = HardhatNodeExtension.projectDir();
        try (HardhatNode node = HardhatNode.startAttached(project, 0, project.resolve("target/hardhat-node-sepolia.log"), 11155111)) {
            Web3j web3j = Web3j.build(new HttpService(node.rpcUrl()));
            CliRunner cli = new CliRunner()
                    .env("HUZHU_CONFIG_DIR", tmp.resolve("home").toString())
                    .env("HUZHU_DEPLOYMENTS_DIR", tmp.resolve("deployments").toString())
                    .env("HUZHU_KEYSTORE_LIGHT", "1")
                    .env("HUZHU_PASSWORD", "a long testnet password");
            String[] net = {"--network", "sepolia", "--rpc-url", node.rpcUrl()};

            String ops = CliWorld.json(ok(cli, "wallet", "new", "ops", "--json")).get("address").asText();
            // fund it from the node's unlocked dev account, as a faucet would
            String funder = DevAccounts.first(1).get(0).getAddress();
            web3j.ethSendTransaction(Transaction.createEtherTransaction(funder, null, null, null, ops,
                    new BigInteger("10000000000000000000"))).send();

            JsonNode d = CliWorld.json(ok(cli, concat(net, "deploy", "--account", "ops", "--yes", "--json")));
            assertEquals(11155111, d.get("chainId").asLong());
            assertEquals("sepolia", d.get("network").asText());
            assertEquals(ops, d.get("deployer").asText());
            assertFalse(d.get("contracts").has("MockUSD"), "no MockUSD on a testnet");
            for (String c : List.of("AidPoolExtension", "AidPoolImplementation", "AidPoolFactory", "AidPoints")) {
                String address = d.get("contracts").get(c).get("address").asText();
                assertTrue(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode().length() > 2, c + " has code");
            }
            Path book = tmp.resolve("deployments/11155111.json");
            assertTrue(Files.isRegularFile(book));
            String written = Files.readString(book);
            BigInteger nonce = web3j.ethGetTransactionCount(ops, DefaultBlockParameterName.PENDING).send().getTransactionCount();
            // extension, implementation, factory (+ AidPoints in its constructor), EvidenceAccess, PoseidonT3,
            // MemberCommitments, Groth16Verifier, AnonymousReviews, and the relief (campaign + round implementations),
            // group and parametric factories with their implementations: 3 + 1 + 4 + 7
            assertEquals(BigInteger.valueOf(15), nonce, "one transaction per contract deployed");

            // idempotent
            CliRunner.Result again = ok(cli, concat(net, "deploy", "--account", "ops", "--yes"));
            assertTrue(again.out().startsWith("already deployed on chain 11155111"), again.out());
            assertEquals(nonce, web3j.ethGetTransactionCount(ops, DefaultBlockParameterName.PENDING).send().getTransactionCount());

            // testnet rules: no faucet, no default asset, no dev keys
            CliRunner.Result faucet = cli.run(concat(net, "faucet", "--account", "ops", "--yes"));
            assertEquals(ExitCodes.NOT_FOUND, faucet.exit());
            assertEquals("huzhu: the deployment on chain 11155111 has no MockUSD: the faucet exists on local chains only", faucet.errLine());
            Path devKey = Files.writeString(tmp.resolve("dev.key"), "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
            ok(cli, "wallet", "import", "hardhat0", "--private-key-file", devKey.toString());
            CliRunner.Result dev = cli.run(concat(net, "deploy", "--account", "hardhat0", "--force", "--yes"));
            assertEquals(ExitCodes.WALLET, dev.exit(), dev.toString());
            assertEquals("huzhu: account hardhat0 (0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266) is a Hardhat development key that everyone knows; "
                    + "it signs on local chains only, not on sepolia", dev.errLine());

            // --confirmations: waits for blocks on top, with progress (a miner thread stands in for the network)
            Thread miner = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(300);
                        new Request<>("evm_mine", List.of(), new HttpService(node.rpcUrl()), VoidResponse.class).send();
                    }
                } catch (InterruptedException | java.io.IOException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-miner");
            miner.start();
            CliRunner.Result confirmed;
            try {
                confirmed = ok(cli, concat(net, "deploy", "--account", "ops", "--force", "--yes", "--confirmations", "3"));
            } finally {
                miner.interrupt();
                miner.join();
            }
            assertTrue(confirmed.err().contains("confirmations 1/3") || confirmed.err().contains("confirmations 2/3"), confirmed.err());
            assertTrue(confirmed.out().startsWith("deployed on sepolia (chain 11155111)"), confirmed.out());
            written = Files.readString(book);

            // a transaction that is not mined is reported, not retried, and nothing is recorded
            new Request<>("evm_setAutomine", List.of(false), new HttpService(node.rpcUrl()), VoidResponse.class).send();
            CliRunner.Result slow = cli.run(concat(net, "deploy", "--account", "ops", "--force", "--yes", "--timeout", "2"));
            assertEquals(ExitCodes.TIMEOUT, slow.exit(), slow.toString());
            assertTrue(slow.errLine().matches("huzhu: transaction 0x[0-9a-f]{64} is still pending after 2 s \\(nonce \\d+\\); "
                    + "it may yet be mined: check it before sending again"), slow.errLine());
            assertEquals(written, Files.readString(book), "the address book is untouched");

            // ... and one the node drops is reported as dropped (safe to send again)
            // the dropper keeps going through a slow or failed poll (a loaded CI machine): one miss must not end it
            Thread dropper = new Thread(() -> {
                HttpService rpc = new HttpService(node.rpcUrl());
                Web3j poller = Web3j.build(rpc);
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(100);
                        var pending = poller.ethGetBlockByNumber(DefaultBlockParameterName.PENDING, false).send().getBlock();
                        for (var t : pending == null ? List.<org.web3j.protocol.core.methods.response.EthBlock.TransactionResult>of()
                                : pending.getTransactions()) {
                            new Request<>("hardhat_dropTransaction", List.of(t.get().toString()), rpc, VoidResponse.class).send();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (java.io.IOException | RuntimeException e) {
                        // poll again
                    }
                }
            }, "test-dropper");
            dropper.start();
            CliRunner.Result dropped;
            try {
                dropped = cli.run(concat(net, "deploy", "--account", "ops", "--force", "--yes", "--timeout", "8"));
            } finally {
                dropper.interrupt();
                dropper.join();
            }
            assertEquals(ExitCodes.TIMEOUT, dropped.exit(), dropped.toString());
            assertTrue(dropped.errLine().matches("huzhu: transaction 0x[0-9a-f]{64} was dropped by the node without being mined "
                    + "\\(nonce \\d+ is free again\\): it is safe to send again"), dropped.errLine());
            assertEquals(written, Files.readString(book), "the address book is untouched");
            new Request<>("evm_setAutomine", List.of(true), new HttpService(node.rpcUrl()), VoidResponse.class).send();
            web3j.shutdown();
        }
    }

    static CliRunner.Result ok(CliRunner cli, String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.exit(), () -> String.join(" ", args) + "\n" + r);
        return r;
    }

    /** The command words and options, then the network options (which belong to the subcommand). */
    static String[] concat(String[] net, String... command) {
        String[] r = java.util.Arrays.copyOf(command, command.length + net.length);
        System.arraycopy(net, 0, r, command.length, net.length);
        return r;
    }
}
