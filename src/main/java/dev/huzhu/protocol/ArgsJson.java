package dev.huzhu.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;

/**
 * Normalised event arguments ({@link EventArgs#normalize}) as JSON text, written straight into a StringBuilder: exactly
 * the text Jackson's {@code ObjectMapper.writeValueAsString} writes (same escapes, same order; {@code ArgsJsonTest}
 * compares the two on random values), without its per-call serializer lookups. The indexer writes one such text per
 * event: at 50,000 events on a cold JVM Jackson took 0.2 s and 0.3 s of CPU with its compilation, this 0.06 s
 * (docs/architecture.md, "Kept by hand"). Anything but the normalised shapes (strings, booleans, null, lists, maps with
 * string keys) is written by Jackson.
 */
final class ArgsJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ArgsJson() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder(192);
        value(out, value);
        return out.toString();
    }

    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof List<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(out, item);
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> map) {
            int start = out.length();
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) { // not a normalised map: Jackson writes the whole of it
                    out.setLength(start);
                    jackson(out, map);
                    return;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, key);
                out.append(':');
                value(out, e.getValue());
            }
            out.append('}');
        } else {
            jackson(out, v);
        }
    }

    private static void jackson(StringBuilder out, Object v) {
        try {
            out.append(EventArgs.JSON.writeValueAsString(v));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string as Jackson escapes it: {@code " \} and the control characters, short forms where JSON has them. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        int from = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        out.append(s, from, n).append('"');
    }
}
