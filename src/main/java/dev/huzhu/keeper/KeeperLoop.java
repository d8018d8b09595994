package dev.huzhu.keeper;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a keeper pass every {@code interval} on a daemon thread until closed. A failed pass (node
 * down, …) is reported and the next one is tried after the interval; it never stops the loop.
 */
public final class KeeperLoop implements AutoCloseable {
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);

    private KeeperLoop(Keeper keeper, Duration interval, Consumer<PassReport> reports, Consumer<RuntimeException> failures) {
        this.thread = new Thread(() -> {
            try {
                do {
                    try {
                        reports.accept(keeper.runOnce(() -> stop.getCount() == 0));
                    } catch (RuntimeException e) {
                        failures.accept(e);
                    }
                } while (!stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "huzhu-keeper");
        thread.setDaemon(true);
    }

    /** Starts the loop; the first pass runs at once. */
    public static KeeperLoop start(Keeper keeper, Duration interval, Consumer<PassReport> reports, Consumer<RuntimeException> failures) {
        KeeperLoop loop = new KeeperLoop(keeper, interval, reports, failures);
        loop.thread.start();
        return loop;
    }

    /** Blocks until the loop ends (only when closed). */
    public void join() throws InterruptedException {
        thread.join();
    }

    /** Stops after the current call: a sent transaction is awaited, never abandoned half-way. */
    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(Duration.ofMinutes(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
