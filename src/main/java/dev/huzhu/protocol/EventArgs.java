package dev.huzhu.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

/**
 * The named arguments of an event, normalised for storage: integers as decimal strings (exact
 * for uint256), addresses and byte strings as lower-case 0x hex, structs as maps.
 */
public final class EventArgs {
    /** Reads stored arguments back; {@link ArgsJson} writes with it what it does not write by hand. */
    static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> values;

    public EventArgs(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static EventArgs fromJson(String json) {
        try {
            return new EventArgs(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt event arguments: " + json, e);
        }
    }

    public String toJson() {
        return json(values);
    }

    /** Any normalised value as JSON (the text Jackson writes; {@link ArgsJson}). */
    public static String json(Object value) {
        return ArgsJson.write(value);
    }

    public Map<String, Object> values() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Normalises one decoded value (web3j native type, struct or list) for JSON storage. */
    public static Object normalize(Object v) {
        if (v == null || v instanceof Boolean) {
            return v;
        }
        if (v instanceof BigInteger b) {
            return b.toString();
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        if (v instanceof String s) {
            return s.startsWith("0x") ? s.toLowerCase(Locale.ROOT) : s;
        }
        if (v instanceof byte[] bytes) {
            return Numeric.toHexString(bytes);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(normalize(x)));
            return out;
        }
        Map<String, Object> struct = new LinkedHashMap<>();
        for (Field f : v.getClass().getDeclaredFields()) { // the struct's own fields, not web3j's bookkeeping
            if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
                try {
                    struct.put(f.getName(), normalize(f.get(v)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (struct.isEmpty() && v instanceof Type<?> t) {
            return normalize(t.getValue());
        }
        return struct;
    }

    /** The first of {@code names} present, as an exact integer. */
    public BigInteger uint(String... names) {
        Object v = first(names);
        return v == null ? null : new BigInteger(v.toString());
    }

    public long longValue(String... names) {
        BigInteger b = uint(names);
        return b == null ? 0 : b.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    public String text(String... names) {
        Object v = first(names);
        return v == null ? null : v.toString();
    }

    public boolean bool(String... names) {
        Object v = first(names);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
    }

    /** A nested struct argument (e.g. a plan's rules), empty when absent. */
    @SuppressWarnings("unchecked")
    public EventArgs struct(String... names) {
        Object v = first(names);
        return new EventArgs(v instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of());
    }

    public List<?> list(String... names) {
        Object v = first(names);
        return v instanceof List<?> l ? l : List.of();
    }

    private Object first(String... names) {
        for (String n : names) {
            if (values.containsKey(n)) {
                return values.get(n);
            }
        }
        return null;
    }
}
