package dev.huzhu.web.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop HTTP clients: each sends one request, waits for the whole answer, thinks for a random
 * 0.5–1.5 × {@code think} seconds (none when 0), and sends the next, cycling through the mix from a
 * random start. Latency is measured from send to the last byte.
 */
final class Load {
    record Result(int count, long errors, double seconds, double p50, double p99, double max) {
        double rate() {
            return count / seconds;
        }
    }

    private Load() {}

    static Result run(List<String> mix, int clients, double think, double seconds) throws InterruptedException {
        HttpClient http = ApiBench.client();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long[] errors = new long[1];
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            int first = ThreadLocalRandom.current().nextInt(mix.size());
            // spread the first requests of page users over one think time, as real visitors arrive
            long delayMs = think > 0 ? (long) (ThreadLocalRandom.current().nextDouble() * think * 1000) : 0;
            timer.schedule(() -> next(http, timer, mix, first, think, end, latencies, errors, done), delayMs, TimeUnit.MILLISECONDS);
        }
        done.await();
        double took = (System.nanoTime() - start) / 1e9;
        timer.shutdownNow();
        return summarise(latencies, errors[0], took);
    }

    private static void next(HttpClient http, ScheduledExecutorService timer, List<String> mix, int i, double think, long end, List<Long> latencies,
                             long[] errors, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        long t0 = System.nanoTime();
        http.sendAsync(ApiBench.get(mix.get(i % mix.size())), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
            long t = System.nanoTime();
            if (t <= end) {
                latencies.add(t - t0);
                if (e != null || !ApiBench.ok(r)) {
                    synchronized (errors) {
                        errors[0]++;
                    }
                }
            }
            long pause = think > 0 ? (long) (think * 1000 * (0.5 + ThreadLocalRandom.current().nextDouble())) : 0;
            timer.schedule(() -> next(http, timer, mix, i + 1, think, end, latencies, errors, done), pause, TimeUnit.MILLISECONDS);
        });
    }

    static Result sequential(String url, int requests) throws Exception {
        HttpClient http = ApiBench.client();
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(ApiBench.get(url), HttpResponse.BodyHandlers.ofByteArray());
            latencies.add(System.nanoTime() - t0);
            errors += ApiBench.ok(r) ? 0 : 1;
        }
        return summarise(latencies, errors, (System.nanoTime() - start) / 1e9);
    }

    private static Result summarise(List<Long> latencies, long errors, double seconds) {
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new Result(0, errors, seconds, 0, 0, 0);
        }
        return new Result(sorted.size(), errors, seconds, ms(sorted, 0.50), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
