package dev.huzhu.wallet.bench;

import dev.huzhu.wallet.Keystore;
import dev.huzhu.wallet.KeystoreEntry;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * scripts/bench-cli: the median milliseconds of N unlocks of one keystore file through wallet.Keystore (what
 * every signing command does), printed alone on stdout. Usage: UnlockTiming FILE PASSWORD [N].
 */
public final class UnlockTiming {
    private UnlockTiming() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]).toAbsolutePath();
        Keystore keystore = new Keystore(file.getParent());
        KeystoreEntry entry = keystore.list().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        keystore.unlock(entry, args[1]); // warm-up (class loading, JIT)
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            keystore.unlock(entry, args[1]);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.println(ms[n / 2]);
    }
}
