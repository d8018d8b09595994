package dev.huzhu.indexer.bench;

import dev.huzhu.indexer.ChainSource;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.indexer.FetchOnly;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One measured pass of scripts/bench-indexer in a JVM of its own (so that its peak memory is the
 * indexer's alone): {@code fetch RPC PLAN FROM TO} (fetch-only limit) or {@code index RPC PLAN FROM TO DB_URL}.
 * Prints one line: {@code events seconds peakRssKb writerCpuSeconds processCpuSeconds} (the CPU from the start of the pass:
 * the writer's thread alone, and the whole JVM with the fetching thread, the JIT compilers and the GC).
 */
public final class IndexRun {
    private IndexRun() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String rpc = args[1];
        String plan = args[2];
        long from = Long.parseLong(args[3]);
        long to = Long.parseLong(args[4]);
        IndexerSettings settings = IndexerSettings.of(List.of(), List.of(plan), from, 0, Finality.LATEST);
        long events;
        long t0;
        long[] cpu0;
        try (ChainSource source = new ChainSource(rpc)) {
            EventDecoder catalog = EventDecoder.packaged();
            long chainId = source.chainId();
            if ("fetch".equals(mode)) {
                t0 = System.nanoTime();
                cpu0 = cpuNow();
                events = FetchOnly.run(source, catalog, settings, from, to);
            } else {
                IndexDatabase db = IndexDatabase.open(args[5]);
                t0 = System.nanoTime();
                cpu0 = cpuNow();
                try (Indexer indexer = new Indexer(db, source, chainId, settings, catalog, null)) {
                    indexer.run(true, () -> false);
                }
                events = -1; // counted by the caller in the database
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] cpu = cpuNow();
        System.out.println(events + " " + seconds + " " + peakRssKb() + " " + (cpu[0] - cpu0[0]) / 1e9 + " " + (cpu[1] - cpu0[1]) / 1e9);
    }

    /** This thread's CPU time and the whole process's, in nanoseconds. */
    private static long[] cpuNow() {
        long thread = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new long[] {thread, process};
    }

    /** VmHWM: the most resident memory this process ever had. */
    static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
