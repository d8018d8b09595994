package dev.huzhu.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.web.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * The scan: after the demo with encrypted evidence, the invoice's text (or any recognisable part of it, as
 * text or as hex) is nowhere: not in any transaction's input or any log of the chain, not in the index
 * database, not in the API's answers, not in the logs, not in the store's directory — while the demo itself
 * shows that two assessors opened it.
 */
@ExtendWith(HardhatNodeExtension.class)
class EvidenceScanIT {
    static final List<String> SECRETS = List.of(DemoScenario.EVIDENCE, "appendectomy", "2026-1126", "hospital invoice");

    @Test
    void noPlaintextEvidenceAnywhereAfterTheDemo(HardhatNode node, @TempDir Path tmp) throws Exception {
        Path project = HardhatNodeExtension.projectDir();
        List<Path> logs = List.of(project.resolve("target/test.log"), project.resolve("target/hardhat-node-test.log"));
        long[] logStart = new long[logs.size()];
        for (int i = 0; i < logs.size(); i++) {
            logStart[i] = Files.isRegularFile(logs.get(i)) ? Files.size(logs.get(i)) : 0; // only what this run appends is scanned
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoScenario.Outcome outcome;
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            outcome = new DemoScenario(chain, DemoScenario.Cast.of(DevAccounts.first(10)), new PrintStream(printed, true, StandardCharsets.UTF_8),
                    tmp.resolve("store")).run();
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("opened the evidence with its own key"), "the assessors opened it");

        // the chain: every transaction's input and every receipt's logs, as JSON
        StringBuilder chainData = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            long head = chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
            for (long b = 0; b <= head; b++) {
                EthBlock.Block block = chain.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(b)), true).send().getBlock();
                for (EthBlock.TransactionResult<?> t : block.getTransactions()) {
                    var tx = (EthBlock.TransactionObject) t.get();
                    chainData.append(tx.getInput()).append('\n');
                    chainData.append(json.writeValueAsString(chain.web3j().ethGetTransactionReceipt(tx.getHash()).send().getResult().getLogs()));
                }
            }
        }
        assertTrue(chainData.length() > 10_000, "the scan read the chain");

        // the index and the API over it
        IndexDatabase db = IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("scan.db"));
        try (ChainSource source = new ChainSource(node.rpcUrl());
             Indexer indexer = new Indexer(db, source, 31337, IndexerSettings.of(List.of(outcome.factoryAddress()), List.of(), 0, 0, Finality.LATEST),
                     EventDecoder.packaged(), null)) {
            indexer.run(true, () -> false);
        }
        StringBuilder api = new StringBuilder();
        try (WebServer site = WebServer.start(db, 31337, "127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("api/plans", "api/plans/" + outcome.poolAddress(), "api/claims", "api/payouts", "api/stats",
                    "api/members/" + DemoScenario.Cast.of(DevAccounts.first(10)).claimant().getAddress() + "/records")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(site.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(r.statusCode() == 200, path + " " + r.statusCode());
                api.append(r.body());
            }
        }
        assertTrue(api.toString().contains(outcome.poolAddress().toLowerCase(Locale.ROOT)) || api.toString().contains(outcome.poolAddress()));

        List<Path> files = new ArrayList<>(List.of(tmp.resolve("scan.db")));
        try (Stream<Path> store = Files.list(tmp.resolve("store"))) {
            store.forEach(files::add);
        }
        assertTrue(files.size() >= 2, "index and at least one store document: " + files);
        StringBuilder logText = new StringBuilder();
        for (int i = 0; i < logs.size(); i++) {
            if (Files.isRegularFile(logs.get(i))) {
                byte[] all = Files.readAllBytes(logs.get(i));
                logText.append(new String(all, (int) Math.min(logStart[i], all.length), (int) Math.max(0, all.length - logStart[i]), StandardCharsets.ISO_8859_1));
            }
        }

        for (String secret : SECRETS) {
            String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
            assertFalse(chainData.toString().contains(secret) || chainData.toString().toLowerCase(Locale.ROOT).contains(hex), "on chain: " + secret);
            assertFalse(api.toString().contains(secret) || api.toString().contains(hex), "in the API: " + secret);
            assertFalse(logText.toString().contains(secret) || logText.toString().toLowerCase(Locale.ROOT).contains(hex), "in the logs: " + secret);
            for (Path f : files) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(secret) || content.toLowerCase(Locale.ROOT).contains(hex), f + " holds " + secret);
            }
        }
    }
}
