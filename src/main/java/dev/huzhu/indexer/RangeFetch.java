package dev.huzhu.indexer;

import dev.huzhu.protocol.EventDecoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Everything the node says about blocks [from, to] that the indexer needs: the first block's
 * header (for the parent-hash check, read after the logs), the logs of the factories and of the plans (plans the
 * factories create inside the range included), and the headers of the blocks with logs and of
 * {@code to}; and the logs decoded (the raw logs are counted and checked, not kept). No database, so it runs ahead on another thread while the
 * previous range is written (decoding included: the writer only writes).
 */
record RangeFetch(long from, long to, BlockHeader first, int logCount, boolean consistent, Map<Long, BlockHeader> headers,
                  Map<String, Long> createdPlans, List<String> plansQueried, List<DecodedEvent> events) {
    private static final int MAX_ADDRESSES_PER_QUERY = 500;

    static RangeFetch fetch(ChainSource source, EventDecoder decoder, List<String> factories, List<String> knownPlans, long from, long to) {
        List<String> plans = new ArrayList<>(knownPlans);
        List<Log> factoryLogs = source.logs(from, to, factories);
        List<Log> logs = new ArrayList<>(factoryLogs);
        Map<String, Long> created = new LinkedHashMap<>();
        for (Log l : factoryLogs) {
            createdPlan(decoder, l).ifPresent(p -> {
                if (!plans.contains(p)) {
                    plans.add(p);
                    created.put(p, LogFields.blockNumber(l));
                }
            });
        }
        for (int i = 0; i < plans.size(); i += MAX_ADDRESSES_PER_QUERY) {
            logs.addAll(source.logs(from, to, plans.subList(i, Math.min(plans.size(), i + MAX_ADDRESSES_PER_QUERY))));
        }
        logs.sort(Comparator.comparingLong(LogFields::blockNumber).thenComparingInt(LogFields::logIndex));
        Set<Long> numbers = new TreeSet<>();
        logs.forEach(l -> numbers.add(LogFields.blockNumber(l)));
        numbers.add(from);
        numbers.add(to);
        Map<Long, BlockHeader> headers = source.headers(numbers);
        BlockHeader first = headers.get(from);
        if (first == null) {
            throw new RpcException("the node does not have block " + from + " (yet)", false, null);
        }
        List<DecodedEvent> events = new ArrayList<>(logs.size());
        for (Log l : logs) {
            BlockHeader h = headers.get(LogFields.blockNumber(l));
            if (h != null) { // a missing header makes the fetch inconsistent: the indexer reads the range again
                DecodedEvent.decode(decoder, l, h.timestamp()).ifPresent(events::add);
            }
        }
        return new RangeFetch(from, to, first, logs.size(), consistent(logs, headers, to), headers, created, List.copyOf(knownPlans), events);
    }

    /** A factory event that names a new plan or clone ({@link CloneCreations}), if {@code l} is one. */
    static Optional<String> createdPlan(EventDecoder decoder, Log l) {
        return decoder.decode(l).flatMap(e -> CloneCreations.created(e.name(), e.args()));
    }

    /**
     * Whether the fetched data is one consistent view of the chain: every log's block hash is the
     * hash of the header read after the logs (the first block's parent hash links it to the cursor).
     * Judged when fetched, so that the raw logs need not be kept (ranges wait in {@link FetchAhead}'s queue).
     */
    private static boolean consistent(List<Log> logs, Map<Long, BlockHeader> headers, long to) {
        if (headers.get(to) == null) {
            return false;
        }
        for (Log l : logs) {
            BlockHeader h = headers.get(LogFields.blockNumber(l));
            if (h == null || l.getBlockHash() == null || !l.getBlockHash().equalsIgnoreCase(h.hash())) {
                return false;
            }
        }
        return true;
    }
}
