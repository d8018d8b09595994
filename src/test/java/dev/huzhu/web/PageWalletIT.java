package dev.huzhu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.BackgroundIndexer;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.protocol.WalletPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Member actions from the page (issue 14): the served page with its bundled wallet module, in
 * headless Chromium with an injected EIP-1193 provider over the node's unlocked dev accounts. A
 * member joins, claims, two assessors approve and the claim is finalized and paid, every step signed
 * from the page after its review; src/test/browser/page-wallet.js checks each review and reads the
 * outcome from the contract's views. Screenshots land in target/screenshots/.
 */
@ExtendWith(HardhatNodeExtension.class)
class PageWalletIT {
    @TempDir
    Path tmp;

    @Test
    void aMemberGoesFromJoiningToAPaidClaimSigningFromThePage(HardhatNode node) throws Exception {
        Path shots = HardhatNodeExtension.projectDir().resolve("target/screenshots");
        Files.createDirectories(shots);
        WalletPlan.Setup s;
        long chainId;
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            s = WalletPlan.create(chain, DevAccounts.first(19).subList(14, 19));
            chainId = chain.chainId();
        }
        IndexDatabase db = IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("wallet.db"));
        IndexerSettings settings = IndexerSettings.of(List.of(s.factory()), List.of(), 0, 0, Finality.LATEST);
        try (ChainSource source = new ChainSource(node.rpcUrl());
             BackgroundIndexer follower = new BackgroundIndexer(new Indexer(db, source, chainId, settings, EventDecoder.packaged(), null), e -> { });
             WebServer site = WebServer.start(db, chainId, "127.0.0.1", 0)) {
            waitForPlan(site, s.plan());
            List<String> command = new ArrayList<>(List.of("node", "src/test/browser/page-wallet.js", site.url(), node.rpcUrl(), s.plan(), s.member(),
                    s.assessors().get(0), s.assessors().get(1), shots.toString()));
            Process browser = new ProcessBuilder(command).directory(HardhatNodeExtension.projectDir().toFile()).redirectErrorStream(true).start();
            String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(browser.waitFor(180, TimeUnit.SECONDS), "browser test timed out:\n" + out);
            System.out.println(out);
            assertEquals(0, browser.exitValue(), out);
        }
        for (String shot : List.of("wallet-join-review-en.png", "wallet-withdraw-review-zh.png", "wallet-phone-zh.png")) {
            assertTrue(Files.size(shots.resolve(shot)) > 10_000, shot);
        }
    }

    /** The page's plan view needs the plan in the index: waits until the API knows it. */
    private static void waitForPlan(WebServer site, String plan) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.url() + "api/plans/" + plan.toLowerCase(java.util.Locale.ROOT))).build();
        for (int i = 0; i < 100; i++) {
            if (http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the index never showed plan " + plan);
    }
}
