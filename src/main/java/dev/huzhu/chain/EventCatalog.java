package dev.huzhu.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Every event of the compiled contracts (from the Hardhat artifacts' ABIs), by topic 0, so logs
 * decode into names and named fields without generated classes.
 */
public final class EventCatalog {
    private record Input(String name, String type, boolean indexed) {}

    private record EventAbi(String name, List<Input> inputs) {}

    private final Map<String, EventAbi> byTopic;

    private EventCatalog(Map<String, EventAbi> byTopic) {
        this.byTopic = byTopic;
    }

    public static EventCatalog fromArtifacts(Path artifactsDir) {
        Map<String, EventAbi> map = new HashMap<>();
        if (Files.isDirectory(artifactsDir)) {
            ObjectMapper json = new ObjectMapper();
            try (Stream<Path> files = Files.walk(artifactsDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".dbg.json")).toList()) {
                    JsonNode abi = json.readTree(f.toFile()).get("abi");
                    if (abi == null) {
                        continue;
                    }
                    for (JsonNode e : abi) {
                        if (!"event".equals(e.path("type").asText())) {
                            continue;
                        }
                        List<Input> inputs = new ArrayList<>();
                        List<String> types = new ArrayList<>();
                        for (JsonNode in : e.path("inputs")) {
                            inputs.add(new Input(in.path("name").asText(), in.path("type").asText(), in.path("indexed").asBoolean()));
                            types.add(in.path("type").asText());
                        }
                        String sig = e.path("name").asText() + "(" + String.join(",", types) + ")";
                        map.put(Hash.sha3String(sig), new EventAbi(e.path("name").asText(), inputs));
                    }
                }
            } catch (IOException ex) {
                throw new IllegalStateException("cannot read contract artifacts in " + artifactsDir + ": " + ex.getMessage(), ex);
            }
        }
        return new EventCatalog(map);
    }

    /** topic 0 of an event signature such as "ClaimPaid(uint256,address,uint256,uint256,uint256)". */
    public static String topic(String signature) {
        return Hash.sha3String(signature);
    }

    /** Decodes a log; empty when its event is unknown. Values: BigInteger, String (address, EIP-55), Boolean, byte[]. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Optional<ChainEvent> decode(Log log) {
        if (log.getTopics() == null || log.getTopics().isEmpty()) {
            return Optional.empty();
        }
        EventAbi abi = byTopic.get(log.getTopics().get(0));
        if (abi == null) {
            return Optional.empty();
        }
        try {
            Map<String, Object> fields = new LinkedHashMap<>();
            List<TypeReference<Type>> dataRefs = new ArrayList<>();
            for (Input in : abi.inputs()) {
                if (!in.indexed()) {
                    dataRefs.add((TypeReference) TypeReference.makeTypeReference(in.type()));
                }
            }
            List<Type> data = FunctionReturnDecoder.decode(log.getData(), (List) dataRefs);
            int topicIndex = 1;
            int dataIndex = 0;
            for (Input in : abi.inputs()) {
                Object value;
                if (in.indexed()) {
                    value = FunctionReturnDecoder.decodeIndexedValue(log.getTopics().get(topicIndex++),
                            (TypeReference) TypeReference.makeTypeReference(in.type())).getValue();
                } else {
                    value = data.get(dataIndex++).getValue();
                }
                if ("address".equals(in.type())) {
                    value = Addresses.checksum(value.toString());
                }
                fields.put(in.name(), value);
            }
            return Optional.of(new ChainEvent(log.getBlockNumber().longValue(), log.getTransactionHash(),
                    log.getLogIndex().intValue(), Addresses.checksum(log.getAddress()), abi.name(), fields));
        } catch (RuntimeException | ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
