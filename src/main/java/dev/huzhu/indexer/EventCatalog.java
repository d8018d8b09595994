package dev.huzhu.indexer;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.BaseEventResponse;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Every event the Huzhu contracts can emit, found in the generated wrappers
 * ({@code dev.huzhu.contracts.*}): each wrapper's {@code public static final Event X_EVENT} and its
 * {@code getXEventFromLog(Log)} decoder. Nothing here names an event: the wrappers are the source.
 */
public final class EventCatalog {
    /** Wrappers whose events are indexed; a missing class (not generated yet) is skipped. */
    public static final List<String> WRAPPERS = List.of(
            "dev.huzhu.contracts.AidPoolFactory",
            "dev.huzhu.contracts.AidPool",
            "dev.huzhu.contracts.HuzhuPoints",
            "dev.huzhu.contracts.Points",
            "dev.huzhu.contracts.ReliefCampaign",
            "dev.huzhu.contracts.GroupPurchase",
            "dev.huzhu.contracts.EducationAid");

    /** One event signature, the wrapper method that decodes it, and the fast decoder if it applies. */
    public record EventType(String name, String signature, String topic0, Method decoder, StaticEventDecoder fast) {}

    /** Event types whose fast decoder agreed with the wrapper on a first log (checked once each). */
    private final Map<String, Boolean> fastVerified = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, EventType> byTopic;

    private EventCatalog(Map<String, EventType> byTopic) {
        this.byTopic = byTopic;
    }

    /** The catalog of the wrappers on the classpath. */
    public static EventCatalog fromWrappers() {
        return fromClasses(WRAPPERS.stream().map(EventCatalog::loadOrNull).filter(c -> c != null).toList());
    }

    public static EventCatalog fromClasses(List<Class<?>> wrappers) {
        Map<String, EventType> byTopic = new LinkedHashMap<>();
        for (Class<?> w : wrappers) {
            for (Field f : w.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Event.class) {
                    continue;
                }
                try {
                    Event event = (Event) f.get(null);
                    Method decoder = w.getMethod("get" + event.getName() + "EventFromLog", Log.class);
                    String topic = EventEncoder.encode(event);
                    StaticEventDecoder fast = StaticEventDecoder.forEvent(event, decoder.getReturnType());
                    byTopic.putIfAbsent(topic, new EventType(event.getName(), signature(event), topic, decoder, fast));
                } catch (ReflectiveOperationException e) {
                    // a wrapper without a decoder for this event (overloaded event names): skip it
                }
            }
        }
        return new EventCatalog(Collections.unmodifiableMap(byTopic));
    }

    private static Class<?> loadOrNull(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String signature(Event e) {
        List<String> types = new ArrayList<>();
        e.getParameters().forEach(p -> types.add(p.getType().getTypeName().replaceAll(".*[.$]", "")));
        return e.getName() + "(" + String.join(",", types) + ")";
    }

    public int size() {
        return byTopic.size();
    }

    public Map<String, EventType> byTopic() {
        return byTopic;
    }

    /** Decodes {@code log} into its event name and named arguments, if it is a known Huzhu event. */
    public Optional<DecodedEvent> decode(Log log, long blockTime) {
        if (log.getTopics() == null || log.getTopics().isEmpty()) {
            return Optional.empty();
        }
        EventType type = byTopic.get(log.getTopics().get(0).toLowerCase(java.util.Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        Map<String, Object> args;
        Boolean fastOk = fastVerified.get(type.topic0());
        if (type.fast() != null && Boolean.TRUE.equals(fastOk)) {
            try {
                args = type.fast().decode(log);
            } catch (RuntimeException e) {
                return Optional.empty(); // malformed or differently indexed log with the same topic: not ours
            }
        } else {
            Optional<Map<String, Object>> slow = decodeWithWrapper(type, log);
            if (slow.isEmpty()) {
                return Optional.empty();
            }
            args = slow.get();
            if (type.fast() != null && fastOk == null) {
                Map<String, Object> quick;
                try {
                    quick = type.fast().decode(log);
                } catch (RuntimeException e) {
                    quick = null;
                }
                fastVerified.put(type.topic0(), args.equals(quick));
            }
        }
        return Optional.of(new DecodedEvent(LogFields.blockNumber(log), log.getBlockHash().toLowerCase(java.util.Locale.ROOT),
                log.getTransactionHash().toLowerCase(java.util.Locale.ROOT), LogFields.logIndex(log), blockTime,
                log.getAddress().toLowerCase(java.util.Locale.ROOT), type.name(), new EventArgs(args)));
    }

    /** Decodes with the generated wrapper's {@code getXEventFromLog} (reflective, slow, authoritative). */
    private static Optional<Map<String, Object>> decodeWithWrapper(EventType type, Log log) {
        Object response;
        try {
            response = type.decoder().invoke(null, log);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // same topic, different indexing (another contract's event): not ours
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (Field f : response.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getDeclaringClass() == BaseEventResponse.class) {
                continue;
            }
            try {
                args.put(f.getName(), EventArgs.normalize(f.get(response)));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.of(args);
    }
}
