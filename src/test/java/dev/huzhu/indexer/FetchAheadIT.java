package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.protocol.EventDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ranges fetched ahead of the writer, on the demo's chain (a factory that creates a plan, then the plan's
 * events), in ranges of at most 2 blocks: delivered in order, exactly what one synchronous fetch of the same
 * blocks decodes, ending after the range that created the plan; a range asked for out of turn drops the run.
 */
@ExtendWith(HardhatNodeExtension.class)
class FetchAheadIT {
    @Test
    void deliversTheRangesInOrderAndStopsAfterTheOneThatCreatedAPlan(HardhatNode node) throws Exception {
        DemoChain.Run demo = DemoChain.on(node);
        String factory = demo.outcome().factoryAddress().toLowerCase(Locale.ROOT);
        EventDecoder decoder = EventDecoder.packaged();
        try (ChainSource source = new ChainSource(node.rpcUrl());
             FetchAhead ahead = new FetchAhead(source, decoder, new AdaptiveRange(1, 2, 600))) {
            long head = source.head(Finality.LATEST);
            ahead.start(0, head, List.of(factory), List.of());
            List<DecodedEvent> delivered = new ArrayList<>();
            long next = 0;
            RangeFetch last = null;
            for (RangeFetch f = ahead.take(next, List.of()); f != null; f = ahead.take(next, List.of())) {
                assertEquals(next, f.from(), "ranges in order, none skipped");
                assertTrue(f.to() - f.from() < 2, "at most the adaptive maximum of 2 blocks");
                assertTrue(f.consistent());
                delivered.addAll(f.events());
                next = f.to() + 1;
                last = f;
            }
            assertTrue(last != null && !last.createdPlans().isEmpty(), "the run ends with the range that created the plan");
            String plan = demo.outcome().poolAddress().toLowerCase(Locale.ROOT);
            assertTrue(last.createdPlans().containsKey(plan));
            assertTrue(last.to() < head, "the plan's own events come later, once its rules are read");

            RangeFetch once = RangeFetch.fetch(source, decoder, List.of(factory), List.of(), 0, last.to());
            assertEquals(described(once.events()), described(delivered), "the same events as one fetch of blocks 0.." + last.to());
            assertFalse(ahead.moreAfter(last));
        }
    }

    /** Each event as its position, hashes, contract, name and arguments. */
    private static List<String> described(List<DecodedEvent> events) {
        return events.stream().map(e -> e.blockNumber() + "/" + e.logIndex() + " " + e.blockHash() + " " + e.txHash() + " " + e.blockTime()
                + " " + e.contract() + " " + e.name() + " " + e.args().values()).toList();
    }

    @Test
    void aRangeAskedForOutOfTurnDropsTheRun(HardhatNode node) throws Exception {
        DemoChain.Run demo = DemoChain.on(node);
        String plan = demo.outcome().poolAddress().toLowerCase(Locale.ROOT);
        try (ChainSource source = new ChainSource(node.rpcUrl());
             FetchAhead ahead = new FetchAhead(source, EventDecoder.packaged(), new AdaptiveRange(1, 2, 600))) {
            long head = source.head(Finality.LATEST);
            ahead.start(0, head, List.of(), List.of(plan));
            RangeFetch first = ahead.take(0, List.of(plan));
            assertEquals(0, first.from());
            assertTrue(ahead.moreAfter(first));
            assertNull(ahead.take(first.to() + 5, List.of(plan)), "not the next range: dropped");
            assertNull(ahead.take(first.to() + 1, List.of(plan)), "nothing after a drop until a new start");
            ahead.start(first.to() + 1, head, List.of(), List.of(plan));
            assertNull(ahead.take(first.to() + 1, List.of(plan, "0x00000000000000000000000000000000000000aa")),
                    "asked with other plans: dropped");
            ahead.start(first.to() + 1, head, List.of(), List.of(plan));
            assertEquals(first.to() + 1, ahead.take(first.to() + 1, List.of(plan)).from(), "a new run starts where asked");
        }
    }
}
