package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.abi.DefaultFunctionEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

class KeccakFunctionEncoderTest {
    @Test
    void selectorsAreTheWellKnownOnes() {
        // ERC-20's published selectors (EIP-20 / every block explorer), not computed by either encoder
        assertEquals("0xa9059cbb", KeccakFunctionEncoder.selector("transfer(address,uint256)"));
        assertEquals("0x095ea7b3", KeccakFunctionEncoder.selector("approve(address,uint256)"));
        assertEquals("0x70a08231", KeccakFunctionEncoder.selector("balanceOf(address)"));
        assertEquals("0x18160ddd", KeccakFunctionEncoder.selector("totalSupply()"));
    }

    @Test
    @SuppressWarnings("rawtypes")
    void encodesEveryCallAsWeb3jDoes() {
        Random r = new Random(9);
        DefaultFunctionEncoder web3j = new DefaultFunctionEncoder();
        KeccakFunctionEncoder ours = new KeccakFunctionEncoder();
        for (int i = 0; i < 300; i++) {
            byte[] word = new byte[32];
            r.nextBytes(word);
            byte[] bytes = new byte[r.nextInt(70)];
            r.nextBytes(bytes);
            List<Type> params = List.<Type>of(
                    new Address(new BigInteger(1, java.util.Arrays.copyOf(word, 20))),
                    new Uint256(new BigInteger(1, word)),
                    new Bool(r.nextBoolean()),
                    new Bytes32(word),
                    new DynamicBytes(bytes),
                    new Utf8String("plan " + i),
                    new DynamicArray<>(Uint64.class, List.of(new Uint64(r.nextInt(1 << 30)), new Uint64(i))))
                    .subList(0, r.nextInt(8));
            Function f = new Function("op" + Integer.toString(i, 36), params, List.of());
            assertEquals(web3j.encodeFunction(f), ours.encodeFunction(f), f.getName() + " with " + params.size() + " parameters");
        }
    }

    @Test
    void web3jLoadsItThroughItsServiceInterface() throws Exception {
        FunctionEncoder.encode(new Function("totalSupply", List.of(), List.of())); // initialises the encoder
        Field f = FunctionEncoder.class.getDeclaredField("FUNCTION_ENCODER");
        f.setAccessible(true);
        assertInstanceOf(KeccakFunctionEncoder.class, f.get(null));
        assertEquals("0x18160ddd", FunctionEncoder.encode(new Function("totalSupply", List.of(), List.of())));
    }
}
