package dev.huzhu.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.IntType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Uint;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.BaseEventResponse;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The one decoder against the generated wrappers: for every event of every wrapper, random
 * values are ABI-encoded into a log, decoded by the wrapper's own {@code getXEventFromLog} and by
 * {@link EventDecoder}; both must give the same normalised arguments.
 */
class EventDecoderMatchesWrappersTest {
    private final Random random = new Random(20261202);

    @Test
    void everyWrapperEventDecodesAsTheWrapperDecodesIt() throws Exception {
        EventDecoder decoder = EventDecoder.packaged();
        int checked = 0;
        for (String name : ProtocolAbi.packaged().contracts().keySet()) {
            Class<?> wrapper;
            try {
                wrapper = Class.forName("dev.huzhu.contracts." + name);
            } catch (ClassNotFoundException e) {
                continue; // interfaces and libraries have no wrapper
            }
            for (Field f : wrapper.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Event.class) {
                    continue;
                }
                Event event = (Event) f.get(null);
                Method fromLog = wrapper.getMethod("get" + event.getName() + "EventFromLog", Log.class);
                for (int round = 0; round < 5; round++) {
                    Log log = randomLog(event);
                    Map<String, Object> expected = wrapperArgs(fromLog.invoke(null, log));
                    DecodedLog decoded = decoder.decode(log).orElseThrow(() -> new AssertionError(event.getName() + " unknown to the decoder"));
                    assertEquals(event.getName(), decoded.name());
                    assertEquals(expected, decoded.args().values(), name + "." + event.getName());
                }
                checked++;
            }
        }
        assertTrue(checked >= 30, "only " + checked + " events checked: are the wrappers generated?");
    }

    @Test
    void aKnownTopicWithTheWrongShapeIsAnErrorNotASilentDrop() {
        Log log = new Log();
        log.setTopics(List.of(EventDecoder.topic("ClaimDenied(uint256)")));
        log.setData("0x");
        log.setAddress("0x0000000000000000000000000000000000000001");
        assertThrows(EventDecodingException.class, () -> EventDecoder.packaged().decode(log));
        log.setTopics(List.of(EventDecoder.topic("SomethingElse(uint256)")));
        assertTrue(EventDecoder.packaged().decode(log).isEmpty());
    }

    private Log randomLog(Event event) throws Exception {
        List<String> topics = new ArrayList<>();
        topics.add(EventEncoder.encode(event));
        List<Type> data = new ArrayList<>();
        for (TypeReference<Type> p : event.getParameters()) {
            Type value = randomValue(p.getClassType());
            if (p.isIndexed()) {
                topics.add("0x" + TypeEncoder.encode(value));
            } else {
                data.add(value);
            }
        }
        Log log = new Log();
        log.setTopics(topics);
        log.setData("0x" + (data.isEmpty() ? "" : FunctionEncoder.encodeConstructor(data)));
        log.setAddress("0x0000000000000000000000000000000000000001");
        log.setBlockNumber("0x1");
        log.setLogIndex("0x0");
        return log;
    }

    private Type randomValue(Class<?> c) throws Exception {
        if (Address.class.isAssignableFrom(c)) {
            return new Address(new BigInteger(160, random));
        }
        if (Bool.class.isAssignableFrom(c)) {
            return new Bool(random.nextBoolean());
        }
        if (Bytes32.class.isAssignableFrom(c)) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            return new Bytes32(b);
        }
        if (Utf8String.class.isAssignableFrom(c)) {
            return new Utf8String("互助 " + random.nextInt());
        }
        if (DynamicBytes.class.isAssignableFrom(c)) {
            byte[] b = new byte[random.nextInt(70)];
            random.nextBytes(b);
            return new DynamicBytes(b);
        }
        int bits = Integer.parseInt(c.getSimpleName().replaceAll("\\D", ""));
        if (Uint.class.isAssignableFrom(c)) {
            return (Type) c.getConstructor(BigInteger.class).newInstance(new BigInteger(bits, random));
        }
        if (IntType.class.isAssignableFrom(c)) {
            return (Type) c.getConstructor(BigInteger.class).newInstance(new BigInteger(bits, random).subtract(BigInteger.ONE.shiftLeft(bits - 1)));
        }
        throw new AssertionError("no random value for " + c + ": extend this test");
    }

    /** The wrapper's response fields, normalised like the index stores them. */
    private static Map<String, Object> wrapperArgs(Object response) throws IllegalAccessException {
        Map<String, Object> args = new LinkedHashMap<>();
        for (Field f : response.getClass().getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && f.getDeclaringClass() != BaseEventResponse.class) {
                Object v = f.get(response);
                args.put(f.getName(), v instanceof byte[] b && b.length != 32 ? Numeric.toHexString(b) : EventArgs.normalize(v));
            }
        }
        return args;
    }
}
