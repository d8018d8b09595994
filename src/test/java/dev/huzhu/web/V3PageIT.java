package dev.huzhu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.contracts.AidPool;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.protocol.TokenAmount;
import dev.huzhu.protocol.V3Story;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in headless Chromium on a protocol-v3 chain: a claim paid in part shows paid and owed
 * equal to the contract's claimPayment (read here through the wrapper, not from the index), a jury's
 * outcome, and a plan closed by its members' vote with the exit pool windDown() still holds — in
 * English and in Chinese. Screenshots in target/screenshots/v3-*.png.
 */
@ExtendWith(HardhatNodeExtension.class)
class V3PageIT {
    @TempDir
    Path tmp;

    @Test
    void aClaimWithOwedShowsThePaidAndOwedFiguresOfTheContract(HardhatNode node) throws Exception {
        V3Story s = V3Story.on(node);
        AidPool plan = s.plan(s.owedPlan);
        var payment = plan.claimPayment(s.owedClaim).send();
        assertTrue(payment.component2().signum() > 0, "claim #1 still owes: " + payment);
        String paid = pageAmount(payment.component1(), 6);
        String owed = pageAmount(payment.component2(), 6);
        String exitLeft = pageAmount(s.plan(s.votedPlan).windDown().send().component5(), 6);

        Path shots = HardhatNodeExtension.projectDir().resolve("target/screenshots");
        Files.createDirectories(shots);
        IndexDatabase db = IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("v3page.db"));
        try (ChainSource source = new ChainSource(node.rpcUrl());
             Indexer indexer = new Indexer(db, source, s.chainId, IndexerSettings.of(List.of(s.factory), List.of(), 0, 0, Finality.LATEST),
                     EventDecoder.packaged(), null)) {
            indexer.run(true, () -> false);
        }
        try (WebServer site = WebServer.start(db, s.chainId, "127.0.0.1", 0)) {
            Process browser = new ProcessBuilder("node", "src/test/browser/v3-claims-page.js", site.url(), s.owedPlan, s.claimant, s.votedPlan,
                    paid, owed, exitLeft, shots.toString())
                    .directory(HardhatNodeExtension.projectDir().toFile()).redirectErrorStream(true).start();
            String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(browser.waitFor(120, TimeUnit.SECONDS), "browser test timed out:\n" + out);
            System.out.println(out);
            assertEquals(0, browser.exitValue(), out);
        }
    }

    /** An amount as the page writes it: thousands grouped with commas, at least two decimals, none rounded away. */
    static String pageAmount(BigInteger units, int decimals) {
        String exact = TokenAmount.format(units, decimals);
        int dot = exact.indexOf('.');
        String whole = dot < 0 ? exact : exact.substring(0, dot);
        StringBuilder frac = new StringBuilder(dot < 0 ? "" : exact.substring(dot + 1));
        while (frac.length() < 2) {
            frac.append('0');
        }
        return whole.replaceAll("\\B(?=(\\d{3})+(?!\\d))", ",") + "." + frac;
    }
}
