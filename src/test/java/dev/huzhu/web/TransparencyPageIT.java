package dev.huzhu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.BackgroundIndexer;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.DemoChain;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in headless Chromium after the demo scenario: the paid claim in the plan's history and
 * the member's records, in English and in Chinese. Screenshots land in target/screenshots/.
 */
@ExtendWith(HardhatNodeExtension.class)
class TransparencyPageIT {
    @TempDir
    Path tmp;

    @Test
    void showsThePaidClaimAndTheMembersRecordsInBothLanguages(HardhatNode node) throws Exception {
        DemoChain.Run demo = DemoChain.on(node);
        Path shots = HardhatNodeExtension.projectDir().resolve("target/screenshots");
        Files.createDirectories(shots);
        IndexDatabase db = IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("page.db"));
        IndexerSettings settings = IndexerSettings.of(List.of(demo.outcome().factoryAddress()), List.of(), 0, 0, Finality.LATEST);
        try (ChainSource source = new ChainSource(node.rpcUrl())) {
            try (Indexer catchUp = new Indexer(db, source, demo.chainId(), settings, EventDecoder.packaged(), null)) {
                catchUp.run(true, () -> false);
            }
            browse(db, source, demo, settings, shots);
        }
        for (String shot : List.of("transparency-home-en.png", "transparency-plan-en.png", "transparency-plan-zh.png",
                "transparency-member-zh.png", "transparency-member-en.png")) {
            assertTrue(Files.size(shots.resolve(shot)) > 10_000, shot);
        }
    }

    /** The page served while an indexer follows the chain in the background, as `huzhu serve` runs it. */
    private static void browse(IndexDatabase db, ChainSource source, DemoChain.Run demo, IndexerSettings settings, Path shots) throws Exception {
        try (BackgroundIndexer follower = new BackgroundIndexer(new Indexer(db, source, demo.chainId(), settings, EventDecoder.packaged(), null),
                e -> { });
             WebServer site = WebServer.start(db, demo.chainId(), "127.0.0.1", 0, null, null, "https://explorer.example")) {
            Process browser = new ProcessBuilder("node", "src/test/browser/transparency-page.js", site.url(),
                    demo.outcome().poolAddress(), demo.cast().claimant().getAddress(), shots.toString())
                    .directory(HardhatNodeExtension.projectDir().toFile()).redirectErrorStream(true).start();
            String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(browser.waitFor(120, TimeUnit.SECONDS), "browser test timed out:\n" + out);
            System.out.println(out);
            assertEquals(0, browser.exitValue(), out);
        }
    }
}
