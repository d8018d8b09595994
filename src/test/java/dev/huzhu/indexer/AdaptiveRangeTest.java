package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdaptiveRangeTest {
    @Test
    void halvesOnRefusalDownToOneBlockAndDoublesUpToTheMaximum() {
        AdaptiveRange r = new AdaptiveRange(8, 20, 1000);
        assertTrue(r.shrink());
        assertEquals(4, r.size());
        r.shrink();
        r.shrink();
        assertEquals(1, r.size());
        assertFalse(r.shrink(), "one block cannot shrink further");
        for (int i = 0; i < 10; i++) {
            r.adjust(r.size(), 10); // few logs: grow
        }
        assertEquals(20, r.size());
        r.adjust(20, 20_000); // 20 logs per block, 20x the target: aim at ~1000 logs
        assertEquals(1, r.size());
    }

    @Test
    void shrinksTowardsTheTargetNumberOfLogs() {
        AdaptiveRange r = new AdaptiveRange(1000, 5000, 1000);
        r.adjust(1000, 8000);
        assertEquals(125, r.size());
        r.adjust(125, 1000); // on target: stays
        assertEquals(125, r.size());
    }

    @Test
    void recognisesProviderRangeErrors() {
        assertTrue(RpcException.looksLikeRangeError("query returned more than 10000 results"));
        assertTrue(RpcException.looksLikeRangeError("block range too large"));
        assertFalse(RpcException.looksLikeRangeError("connection refused"));
    }
}
