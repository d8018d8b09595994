package dev.huzhu.indexer;

import java.util.ArrayList;
import java.util.List;

/**
 * The limit the indexer is measured against in scripts/bench-indexer: the same adaptive
 * {@code eth_getLogs} ranges ({@link AdaptiveRange}, same settings), the same headers and the same
 * decoding ({@link RangeFetch}) as the indexer, one range after the other, with no database at all.
 */
public final class FetchOnly {
    private FetchOnly() {}

    /** Fetches and decodes blocks [from, to]; returns the number of decoded events. */
    public static long run(ChainSource source, dev.huzhu.protocol.EventDecoder catalog, IndexerSettings settings, long from, long to) {
        AdaptiveRange range = new AdaptiveRange(settings.initialRange(), settings.maxRange(), settings.targetLogs());
        List<String> plans = new ArrayList<>(settings.plans());
        long events = 0;
        long next = from;
        while (next <= to) {
            RangeFetch f = RangeFetch.fetch(source, catalog, settings.factories(), plans, next, Math.min(to, next + range.size() - 1));
            if (!f.consistent()) {
                throw new IllegalStateException("the chain changed during the benchmark");
            }
            range.adjust(f.to() - f.from() + 1, f.logCount());
            plans.addAll(f.createdPlans().keySet());
            events += f.events().size();
            next = f.to() + 1;
        }
        return events;
    }
}
