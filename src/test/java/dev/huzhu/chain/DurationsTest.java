package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesUnitsAndFormatsBack() {
        assertEquals(30L * 86_400, Durations.parse("30d", "--period"));
        assertEquals(2L * 7 * 86_400, Durations.parse("2w", "--period"));
        assertEquals(12L * 3_600, Durations.parse("12h", "--period"));
        assertEquals(90L * 60, Durations.parse("90m", "--period"));
        assertEquals(45, Durations.parse("45s", "--period"));
        assertEquals(45, Durations.parse("45", "--period"));
        assertEquals("30d", Durations.format(30L * 86_400));
        assertEquals("90m", Durations.format(5_400));
        assertEquals("0s", Durations.format(0));
        assertEquals("--jury '1.5d' is not a duration (like 30d, 12h, 90m, 45s or seconds)",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("1.5d", "--jury")).getMessage());
    }
}
