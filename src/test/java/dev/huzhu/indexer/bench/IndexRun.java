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
 * Prints one line: {@code events seconds peakRssKb writerCpuSeconds processCpuSeconds fetchWaitSeconds rssQuarters} (the CPU
 * from the start of the pass: the writer's thread alone, and the whole JVM with the fetching thread, the JIT compilers and the GC;
 * how long the writer waited for ranges fetched ahead; the most resident memory in each quarter of the pass, in MB, as
 * {@code q1,q2,q3,q4}: flat when memory does not grow with the events indexed).
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
        long waited = 0;
        java.util.Map<String, long[]> threads;
        RssTimeline rss = RssTimeline.start();
        try (ChainSource source = new ChainSource(rpc)) {
            EventDecoder catalog = EventDecoder.packaged();
            long chainId = source.chainId();
            // BENCH_WARMUP=1: a first, unmeasured pass over the same blocks in this JVM (the index one into a temporary SQLite
            // file), so that the measured pass runs compiled code: how much of a pass is the JVM's warm-up (docs/indexer.md)
            boolean warmup = System.getenv("BENCH_WARMUP") != null;
            if ("fetch".equals(mode)) {
                if (warmup) {
                    FetchOnly.run(source, catalog, settings, from, to);
                }
                threads = threadsAtStart();
                t0 = System.nanoTime();
                cpu0 = cpuNow();
                events = FetchOnly.run(source, catalog, settings, from, to);
            } else {
                IndexDatabase db = IndexDatabase.open(args[5]);
                if (warmup) {
                    Path file = Files.createTempFile("huzhu-warmup", ".db");
                    try (Indexer first = new Indexer(IndexDatabase.open("jdbc:sqlite:" + file), source, chainId, settings, catalog, null)) {
                        first.run(true, () -> false);
                    } finally {
                        for (String suffix : List.of("", "-wal", "-shm")) {
                            Files.deleteIfExists(Path.of(file + suffix));
                        }
                    }
                }
                threads = threadsAtStart();
                t0 = System.nanoTime();
                cpu0 = cpuNow();
                try (Indexer indexer = new Indexer(db, source, chainId, settings, catalog, null)) {
                    indexer.run(true, () -> false);
                    waited = indexer.fetchWaitNanos();
                    if (threads != null) {
                        printThreads(threads); // before close: the fetching thread is still there
                        threads = null;
                    }
                }
                events = -1; // counted by the caller in the database
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] cpu = cpuNow();
        if (threads != null) {
            printThreads(threads);
        }
        System.out.println(events + " " + seconds + " " + peakRssKb() + " " + (cpu[0] - cpu0[0]) / 1e9 + " " + (cpu[1] - cpu0[1]) / 1e9
                + " " + waited / 1e9 + " " + rss.quarters());
    }

    /** Samples VmRSS every 100 ms on a daemon thread, from the start of the pass. */
    private static final class RssTimeline {
        private final List<long[]> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final long start = System.nanoTime();

        static RssTimeline start() {
            RssTimeline t = new RssTimeline();
            Thread s = new Thread(() -> {
                while (true) {
                    try {
                        t.samples.add(new long[] {System.nanoTime() - t.start, status("VmRSS:")});
                        Thread.sleep(100);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "bench-rss");
            s.setDaemon(true);
            s.start();
            return t;
        }

        /** The most resident memory in each quarter of the time so far, in MB: "q1,q2,q3,q4". */
        String quarters() {
            long end = System.nanoTime() - start;
            long[] max = new long[4];
            for (long[] x : samples) {
                int q = (int) Math.min(3, x[0] * 4 / Math.max(1, end));
                max[q] = Math.max(max[q], x[1] / 1024);
            }
            return max[0] + "," + max[1] + "," + max[2] + "," + max[3];
        }
    }

    /** This thread's CPU time and the whole process's, in nanoseconds. */
    private static long[] cpuNow() {
        long thread = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new long[] {thread, process};
    }

    /**
     * CPU per thread of this process (Java's and the JVM's own: compilers, GC), from /proc/self/task, threads of one kind
     * (their name without digits) summed, in ms: {@code {cpu, runqueue}}, the second the time the threads were ready to run
     * but waited for a core (/proc/.../schedstat): where a pass's CPU goes, and how much the threads slow each other on a
     * small machine (BENCH_THREADS=1). A thread that has ended is no longer listed.
     */
    static java.util.Map<String, long[]> threadCpu() {
        java.util.Map<String, long[]> out = new java.util.TreeMap<>();
        long tick = 10; // USER_HZ = 100 on Linux
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String[] sched = Files.readString(t.resolve("schedstat")).trim().split(" ");
                    long[] x = out.computeIfAbsent(name, k -> new long[2]);
                    x[0] += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
                    x[1] += Long.parseLong(sched[1]) / 1_000_000;
                } catch (java.io.IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** Prints each kind of thread's CPU and wait for a core during the pass (since {@code before}), to stderr. */
    private static void printThreads(java.util.Map<String, long[]> before) {
        System.err.printf("  %-26s %12s %16s %30s%n", "threads", "CPU ms", "of it in the pass", "waited for a core in the pass");
        threadCpu().forEach((name, x) -> {
            long[] b = before.getOrDefault(name, new long[2]);
            if (x[0] > 0 || x[1] > 0) {
                System.err.printf("  %-26s %,12d %,16d %,30d%n", name, x[0], x[0] - b[0], x[1] - b[1]);
            }
        });
    }

    /** The threads' CPU when the pass starts, with BENCH_THREADS set; else null. */
    private static java.util.Map<String, long[]> threadsAtStart() {
        return System.getenv("BENCH_THREADS") != null ? threadCpu() : null;
    }

    /** VmHWM: the most resident memory this process ever had. */
    static long peakRssKb() throws Exception {
        return status("VmHWM:");
    }

    /**
     * A line of /proc/self/status in kB ("VmRSS:	  123456 kB"). Read every 100 ms during a pass, so without a regular
     * expression: String.replaceAll compiled one per call, and the JIT then compiled java.util.regex during the measured
     * pass (0.13 s of C2 time in a 50k pass, jdk.Compilation), work that is the benchmark's, not the indexer's.
     */
    private static long status(String key) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key)) {
                long kb = 0;
                for (int i = key.length(); i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c >= '0' && c <= '9') {
                        kb = kb * 10 + (c - '0');
                    }
                }
                return kb;
            }
        }
        return -1;
    }
}
