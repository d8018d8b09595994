package dev.huzhu.indexer;

import dev.huzhu.protocol.EventDecoder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 at random moments during a large catch-up (the real `huzhu index` in a subprocess),
 * at least ten times, then a restart that runs to the end: the database is identical to an
 * uninterrupted run — nothing lost, nothing twice.
 */
@ExtendWith(HardhatNodeExtension.class)
class CrashRecoveryIT {
    private static final int KILLS = 10;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void killNineAnywhereThenRestartEndsIdenticalToAnUninterruptedRun(String kind, HardhatNode node) throws Exception {
        EventGenerator.Burst b = EventGenerator.once(node.rpcUrl(), "--events", "3000", "--per-tx", "60", "--txs-per-block", "1", "--gap", "150",
                "--first-member", "0x2300000000000000000000000000000000000000", "--payouts", "40");
        IndexDatabase reference = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        try (ChainSource source = new ChainSource(node.rpcUrl());
             Indexer indexer = new Indexer(reference, source, source.chainId(),
                     IndexerSettings.of(List.of(), List.of(b.address()), b.fromBlock(), 0, Finality.LATEST), EventDecoder.packaged(), null)) {
            indexer.run(true, () -> false);
        }
        assertEquals(b.events(), TableDump.count(reference, "SELECT COUNT(*) FROM events"));

        String url = TestDatabases.fresh(kind, tmp);
        IndexDatabase crashed = IndexDatabase.open(url);
        try (Connection reader = crashed.connect()) {
            reader.setAutoCommit(true); // every read sees what is committed now
            crashAndRestart(node, b, url, crashed, reader, reference);
        }
    }

    private void crashAndRestart(HardhatNode node, EventGenerator.Burst b, String url, IndexDatabase crashed, Connection reader,
                                 IndexDatabase reference) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> killedAt = new ArrayList<>();
        while (killedAt.size() < KILLS) {
            long before = cursor(reader);
            Process p = indexProcess(node.rpcUrl(), b, url).start();
            long startedMs = System.currentTimeMillis();
            boolean early = random.nextInt(4) == 0; // now and then during start-up or migration checks
            long deadline = startedMs + (early ? random.nextInt(4000) : 60_000);
            long seen = before;
            while (p.isAlive() && System.currentTimeMillis() < deadline && (early || (seen = cursor(reader)) <= before)) {
                Thread.sleep(25);
            }
            long progressMs = System.currentTimeMillis() - startedMs;
            if (!early) {
                Thread.sleep(random.nextInt(150)); // somewhere inside the following ranges
            }
            if (!p.isAlive()) { // (the message reads the process output, so only once it has ended)
                fail("the catch-up ended before kill #" + (killedAt.size() + 1) + " (seed " + seed + ", early " + early + ", cursor "
                        + before + " -> " + cursor(reader) + " of " + b.toBlock() + ", kills so far " + killedAt + "): "
                        + new String(p.getInputStream().readAllBytes()));
            }
            p.destroyForcibly(); // SIGKILL
            p.waitFor(10, TimeUnit.SECONDS);
            killedAt.add((early ? "early " : "") + "cursor " + before + "->" + seen + "@" + progressMs + "ms->" + cursor(reader)
                    + " killed after " + (System.currentTimeMillis() - startedMs) + " ms");
        }
        System.out.println("kill -9 #1.." + KILLS + " (seed " + seed + "): " + killedAt);
        assertTrue(cursor(reader) < b.toBlock(), "all kills must land before the end of the catch-up");

        Process last = indexProcess(node.rpcUrl(), b, url).start();
        String out = new String(last.getInputStream().readAllBytes());
        assertEquals(0, last.waitFor(), out);
        assertEquals(TableDump.of(reference), TableDump.of(crashed), "0 lost, 0 duplicated");
    }

    private static ProcessBuilder indexProcess(String rpcUrl, EventGenerator.Burst b, String dbUrl) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dhuzhu.home=" + HardhatNodeExtension.projectDir(), "dev.huzhu.cli.HuzhuCommand",
                "index", "--rpc-url", rpcUrl, "--plan", b.address(), "--from-block", Long.toString(b.fromBlock()),
                "--db", dbUrl, "--once", "--quiet", "--max-range", "1")
                .redirectErrorStream(true);
    }

    /** The cursor as committed now (one auto-commit reader connection, polled). */
    private static long cursor(Connection reader) throws Exception {
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT block_number FROM sync_cursor")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
