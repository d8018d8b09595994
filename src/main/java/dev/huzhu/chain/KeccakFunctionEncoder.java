package dev.huzhu.chain;

import dev.huzhu.protocol.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.DefaultFunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.spi.FunctionEncoderProvider;

/**
 * web3j's function encoder with the 4-byte selector hashed by {@link Keccak256} instead of web3j's
 * {@code Hash.sha3}, which goes through the signed BouncyCastle jar: verifying that jar's signature
 * was the largest single cost of a read-only command (`pool list`). Installed through web3j's own
 * extension point ({@code META-INF/services/org.web3j.abi.spi.FunctionEncoderProvider}); the
 * parameters are encoded by web3j unchanged. KeccakFunctionEncoderTest checks it byte for byte
 * against {@link DefaultFunctionEncoder}.
 */
public final class KeccakFunctionEncoder extends DefaultFunctionEncoder {

    /** The service web3j's {@code FunctionEncoder} loads once, on first use. */
    public static final class Provider implements FunctionEncoderProvider {
        @Override
        public KeccakFunctionEncoder get() {
            return new KeccakFunctionEncoder();
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public String encodeFunction(Function function) {
        List<Type> parameters = function.getInputParameters();
        return selector(buildMethodSignature(function.getName(), parameters)) + encodeParameters(parameters);
    }

    /** {@code 0x} and the first four bytes of the signature's Keccak-256, as web3j's {@code buildMethodId}. */
    static String selector(String signature) {
        byte[] hash = Keccak256.hash(signature.getBytes(StandardCharsets.UTF_8));
        StringBuilder s = new StringBuilder("0x");
        for (int i = 0; i < 4; i++) {
            s.append(Character.forDigit((hash[i] >> 4) & 0xF, 16)).append(Character.forDigit(hash[i] & 0xF, 16));
        }
        return s.toString();
    }
}
