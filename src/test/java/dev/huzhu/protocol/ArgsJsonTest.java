package dev.huzhu.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ArgsJson} writes exactly what Jackson's ObjectMapper writes for the same value: the stored arguments of an
 * event must not depend on which of the two wrote them (an index written before and after this class holds the same
 * text). The expected text is Jackson's, never this class's.
 */
class ArgsJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    /** Random values per run: HUZHU_PROPERTY_RUNS times 3,000 (as IndexEqualsChainIT's lives). */
    private static final int TRIES = 3_000 * Integer.parseInt(System.getenv().getOrDefault("HUZHU_PROPERTY_RUNS", "1"));

    @Test
    void handWorkedExample() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", "0xabc");
        m.put("amount", "1000000000000000000");
        m.put("approve", true);
        m.put("note", "say \"hi\"\\\n\t\u0001/é😀");
        m.put("none", null);
        m.put("list", List.of("a", List.of(), Map.of()));
        assertEquals("{\"plan\":\"0xabc\",\"amount\":\"1000000000000000000\",\"approve\":true,"
                + "\"note\":\"say \\\"hi\\\"\\\\\\n\\t\\u0001/é😀\",\"none\":null,\"list\":[\"a\",[],{}]}", ArgsJson.write(m));
        assertEquals(JACKSON.writeValueAsString(m), ArgsJson.write(m));
    }

    @Test
    void everyControlCharacterIsEscapedAsJacksonDoes() throws Exception {
        for (char c = 0; c < 0x80; c++) {
            String s = "x" + c + "y";
            assertEquals(JACKSON.writeValueAsString(s), ArgsJson.write(s), "character " + (int) c);
        }
    }

    @Test
    void randomNormalisedValuesMatchJackson() throws Exception {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < TRIES; i++) {
            Object v = value(random, 0);
            assertEquals(JACKSON.writeValueAsString(v), ArgsJson.write(v), "try " + i);
        }
    }

    @Test
    void otherValuesAreWrittenByJackson() throws Exception {
        Map<Object, Object> numericKeys = new LinkedHashMap<>();
        numericKeys.put(7, BigInteger.TEN.pow(30));
        numericKeys.put(8, 1.5);
        Map<Object, Object> mixedKeys = new LinkedHashMap<>(); // written partly by hand before its second key shows up
        mixedKeys.put("a", "x");
        mixedKeys.put(9, List.of("y", true));
        List<Object> values = List.of(numericKeys, mixedKeys, List.of("first", mixedKeys), List.of(42L, BigInteger.ONE), Map.of("n", 3));
        for (Object v : values) {
            assertEquals(JACKSON.writeValueAsString(v), ArgsJson.write(v), String.valueOf(v));
        }
    }

    private static Object value(SplittableRandom r, int depth) {
        int kind = r.nextInt(depth > 2 ? 3 : 5);
        return switch (kind) {
            case 0 -> string(r);
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt(8) == 0 ? null : string(r);
            case 3 -> {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    l.add(value(r, depth + 1));
                }
                yield l;
            }
            default -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    m.put(string(r), value(r, depth + 1));
                }
                yield m;
            }
        };
    }

    /** Hex-like text mostly, with quotes, backslashes, control characters, non-ASCII and lone surrogates mixed in. */
    private static String string(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(24); i > 0; i--) {
            b.append(switch (r.nextInt(10)) {
                case 0 -> (char) r.nextInt(0x20);
                case 1 -> '"';
                case 2 -> '\\';
                case 3 -> (char) (0x80 + r.nextInt(0xD800 - 0x80));
                case 4 -> (char) (0xD800 + r.nextInt(0x800));
                case 5 -> (char) (0x20 + r.nextInt(0x60));
                default -> "0123456789abcdef".charAt(r.nextInt(16));
            });
        }
        return b.toString();
    }
}
