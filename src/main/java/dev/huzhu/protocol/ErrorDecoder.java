package dev.huzhu.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

/**
 * The one revert decoder: the custom errors of every packaged contract ABI ({@link ProtocolAbi},
 * inherited OpenZeppelin errors included), by selector, plus Solidity's Error(string) and Panic(uint256).
 */
public final class ErrorDecoder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErrorDecoder.class);
    private static final String ERROR_STRING = "0x08c379a0";
    private static final String PANIC = "0x4e487b71";
    private static volatile ErrorDecoder packaged;

    private record ErrorAbi(String name, List<String> names, List<String> types, List<String> internalTypes) {}

    private final Map<String, ErrorAbi> bySelector;

    private ErrorDecoder(Map<String, ErrorAbi> bySelector) {
        this.bySelector = bySelector;
        bySelector.put(ERROR_STRING, new ErrorAbi("Error", List.of("reason"), List.of("string"), List.of("string")));
        bySelector.put(PANIC, new ErrorAbi("Panic", List.of("code"), List.of("uint256"), List.of("uint256")));
    }

    /** The decoder of the ABIs packaged with this build. */
    public static ErrorDecoder packaged() {
        if (packaged == null) {
            packaged = of(ProtocolAbi.packaged());
        }
        return packaged;
    }

    /**
     * Two errors with the same types have the same selector (OpenZeppelin's
     * {@code Errors.InsufficientBalance(balance, needed)} and Huzhu's
     * {@code InsufficientBalance(requested, available)}): the declarations of Huzhu's own error
     * interfaces (artifacts that declare nothing but errors, e.g. IAidPoolErrors) win, then the
     * first other contract in path order.
     */
    public static ErrorDecoder of(ProtocolAbi abi) {
        Map<String, ErrorAbi> map = new HashMap<>();
        List<ProtocolAbi.Contract> declarations = new ArrayList<>();
        List<ProtocolAbi.Contract> others = new ArrayList<>();
        for (ProtocolAbi.Contract c : abi.contracts().values()) {
            boolean onlyErrors = c.abi().size() > 0;
            for (JsonNode e : c.abi()) {
                onlyErrors &= "error".equals(e.path("type").asText());
            }
            (onlyErrors ? declarations : others).add(c);
        }
        declarations.addAll(others);
        for (ProtocolAbi.Contract c : declarations) {
            for (JsonNode entry : c.abi()) {
                if ("error".equals(entry.path("type").asText())) {
                    add(map, entry);
                }
            }
        }
        return new ErrorDecoder(map);
    }

    private static void add(Map<String, ErrorAbi> map, JsonNode entry) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> internals = new ArrayList<>();
        for (JsonNode in : entry.path("inputs")) {
            names.add(in.path("name").asText());
            types.add(AbiTypes.canonical(in));
            internals.add(in.path("internalType").asText(""));
        }
        String name = entry.path("name").asText();
        String signature = name + "(" + String.join(",", types) + ")";
        map.putIfAbsent(Hash.sha3String(signature).substring(0, 10), new ErrorAbi(name, names, types, internals));
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
            // tuple or exotic argument: name the error without its arguments (and say so in the log)
            LOG.warn("the arguments of error {} do not decode ({}); shown without them", abi.name(), e.toString());
            return Optional.of(new DecodedError(abi.name(), List.of()));
        }
        return Optional.of(new DecodedError(abi.name(), args));
    }

    /** Convenience for tests: the selector of an error signature such as "WaitingPeriod(uint64)". */
    public static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }
}
