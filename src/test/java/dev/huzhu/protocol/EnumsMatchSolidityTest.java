package dev.huzhu.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every enum the Solidity compiler saw in contracts/ (from the build-info ASTs Hardhat writes)
 * has a Java mirror in dev.huzhu.protocol with the same constants in the same order, and every
 * mirror still has its Solidity enum: the Java enums cannot drift from the contracts.
 */
class EnumsMatchSolidityTest {
    static final List<Class<? extends SolidityEnum>> MIRRORS = List.of(
            Category.class, ContributionModel.class, ClaimStatus.class, DisputeKind.class, PointsReason.class,
            CampaignStatus.class, PurchaseStatus.class, CloseReason.class);

    @Test
    void everySolidityEnumHasAnIdenticalJavaMirror() throws Exception {
        Map<String, List<String>> solidity = solidityEnums();
        assertFalse(solidity.isEmpty(), "no enum found in the build-info ASTs");
        for (Map.Entry<String, List<String>> e : solidity.entrySet()) {
            Class<?> mirror;
            try {
                mirror = Class.forName("dev.huzhu.protocol." + e.getKey());
            } catch (ClassNotFoundException missing) {
                throw new AssertionError("Solidity enum " + e.getKey() + " " + e.getValue() + " has no Java mirror dev.huzhu.protocol."
                        + e.getKey() + " (add it like Category.java, and to MIRRORS here)");
            }
            assertTrue(mirror.isEnum() && SolidityEnum.class.isAssignableFrom(mirror), mirror + " must be an enum implementing SolidityEnum");
            List<String> java = Arrays.stream(mirror.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            assertEquals(e.getValue(), java, "constants of " + e.getKey());
        }
        for (Class<? extends SolidityEnum> m : MIRRORS) {
            assertTrue(solidity.containsKey(m.getSimpleName()), m + " mirrors no Solidity enum any more");
        }
        assertEquals(solidity.size(), MIRRORS.size(), "MIRRORS lists every mirror: " + solidity.keySet());
    }

    /** enum name → members, for every EnumDefinition in a source under contracts/. */
    static Map<String, List<String>> solidityEnums() throws Exception {
        Path buildInfo = Path.of(System.getProperty("basedir", "."), "artifacts", "build-info");
        assertTrue(Files.isDirectory(buildInfo), buildInfo.toAbsolutePath() + " is missing: compile the contracts first");
        Map<String, List<String>> out = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(buildInfo)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode sources = json.readTree(f.toFile()).path("output").path("sources");
                sources.fields().forEachRemaining(s -> {
                    if (s.getKey().startsWith("contracts/")) {
                        collect(s.getValue().path("ast"), out);
                    }
                });
            }
        }
        return out;
    }

    private static void collect(JsonNode node, Map<String, List<String>> out) {
        if (node.isObject()) {
            if ("EnumDefinition".equals(node.path("nodeType").asText())) {
                List<String> members = new ArrayList<>();
                node.path("members").forEach(m -> members.add(m.path("name").asText()));
                out.put(node.path("name").asText(), members);
            }
            node.forEach(child -> collect(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }
}
