package dev.huzhu.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The custom errors of every compiled contract (read from the Hardhat artifacts' ABIs, including
 * inherited OpenZeppelin errors), indexed by selector, plus Solidity's Error(string) and Panic(uint256).
 */
public final class ContractErrors {
    private static final String ERROR_STRING = "0x08c379a0";
    private static final String PANIC = "0x4e487b71";

    private record ErrorAbi(String name, List<String> names, List<String> types, List<String> internalTypes) {}

    private final Map<String, ErrorAbi> bySelector;

    private ContractErrors(Map<String, ErrorAbi> bySelector) {
        this.bySelector = bySelector;
        bySelector.put(ERROR_STRING, new ErrorAbi("Error", List.of("reason"), List.of("string"), List.of("string")));
        bySelector.put(PANIC, new ErrorAbi("Panic", List.of("code"), List.of("uint256"), List.of("uint256")));
    }

    /** Reads every {@code *.json} artifact (not {@code *.dbg.json}) under {@code artifactsDir}; a missing dir gives only the built-ins. */
    public static ContractErrors fromArtifacts(Path artifactsDir) {
        Map<String, ErrorAbi> map = new HashMap<>();
        if (!Files.isDirectory(artifactsDir)) {
            return new ContractErrors(map);
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(artifactsDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".dbg.json")).toList()) {
                JsonNode abi = json.readTree(f.toFile()).get("abi");
                if (abi == null) {
                    continue;
                }
                for (JsonNode entry : abi) {
                    if ("error".equals(entry.path("type").asText())) {
                        List<String> names = new ArrayList<>();
                        List<String> types = new ArrayList<>();
                        List<String> internals = new ArrayList<>();
                        for (JsonNode in : entry.path("inputs")) {
                            names.add(in.path("name").asText());
                            types.add(canonicalType(in));
                            internals.add(in.path("internalType").asText(""));
                        }
                        String name = entry.path("name").asText();
                        String signature = name + "(" + String.join(",", types) + ")";
                        map.put(Hash.sha3String(signature).substring(0, 10), new ErrorAbi(name, names, types, internals));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read contract artifacts in " + artifactsDir + ": " + e.getMessage(), e);
        }
        return new ContractErrors(map);
    }

    private static String canonicalType(JsonNode input) {
        String type = input.path("type").asText();
        if (type.startsWith("tuple")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode c : input.path("components")) {
                parts.add(canonicalType(c));
            }
            return "(" + String.join(",", parts) + ")" + type.substring("tuple".length());
        }
        return type;
    }

    /** Decodes revert data ("0x" + selector + ABI-encoded args); empty if the selector is unknown. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Optional<DecodedError> decode(String revertData) {
        if (revertData == null || revertData.length() < 10 || !revertData.startsWith("0x")) {
            return Optional.empty();
        }
        ErrorAbi abi = bySelector.get(revertData.substring(0, 10).toLowerCase());
        if (abi == null) {
            return Optional.empty();
        }
        List<DecodedError.Arg> args = new ArrayList<>();
        try {
            List<TypeReference<Type>> refs = new ArrayList<>();
            for (String t : abi.types()) {
                refs.add((TypeReference) TypeReference.makeTypeReference(t));
            }
            List<Type> values = FunctionReturnDecoder.decode("0x" + revertData.substring(10), (List) refs);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i).getValue();
                args.add(new DecodedError.Arg(abi.names().get(i), abi.types().get(i), abi.internalTypes().get(i), v));
            }
        } catch (RuntimeException | ClassNotFoundException e) {
            // tuple or exotic argument: name the error without its arguments
            return Optional.of(new DecodedError(abi.name(), List.of()));
        }
        return Optional.of(new DecodedError(abi.name(), args));
    }

    /** Convenience for tests: the selector of an error signature such as "WaitingPeriod(uint64)". */
    public static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    static BigInteger asNumber(Object v) {
        return v instanceof BigInteger b ? b : new BigInteger(Numeric.cleanHexPrefix(String.valueOf(v)), 16);
    }
}
