package dev.huzhu.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the indexer needs from {@code deployments/<chainId>.json} (written by {@code huzhu deploy}):
 * the factory address(es) and the first block to index.
 */
public record DeploymentFile(List<String> factories, long fromBlock) {
    private static final List<String> BLOCK_KEYS = List.of("blockNumber", "deployBlock", "deploymentBlock", "startBlock", "fromBlock", "block");

    public static Path pathFor(Path deploymentsDir, long chainId) {
        return deploymentsDir.resolve(chainId + ".json");
    }

    /** Reads the deployment of {@code chainId} from {@code deploymentsDir}, if the file exists. */
    public static Optional<DeploymentFile> read(Path deploymentsDir, long chainId) {
        Path file = pathFor(deploymentsDir, chainId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(new ObjectMapper().readTree(file.toFile()), file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static DeploymentFile parse(JsonNode root, Path file) {
        List<String> factories = new ArrayList<>();
        long[] minBlock = {Long.MAX_VALUE};
        walk(root, null, factories, minBlock);
        if (factories.isEmpty()) {
            throw new IllegalArgumentException(file + " names no AidPoolFactory address");
        }
        return new DeploymentFile(factories, minBlock[0] == Long.MAX_VALUE ? 0 : minBlock[0]);
    }

    private static void walk(JsonNode node, String key, List<String> factories, long[] minBlock) {
        if (node.isObject()) {
            boolean isFactory = key != null && key.toLowerCase(Locale.ROOT).contains("factory");
            if (isFactory && node.hasNonNull("address")) {
                addAddress(node.get("address").asText(), factories);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (BLOCK_KEYS.contains(f.getKey()) && f.getValue().canConvertToLong()) {
                    minBlock[0] = Math.min(minBlock[0], f.getValue().asLong());
                } else if (BLOCK_KEYS.contains(f.getKey()) && f.getValue().isTextual() && f.getValue().asText().matches("\\d+")) {
                    minBlock[0] = Math.min(minBlock[0], Long.parseLong(f.getValue().asText()));
                } else if (f.getValue().isTextual() && f.getKey().toLowerCase(Locale.ROOT).contains("factory")) {
                    addAddress(f.getValue().asText(), factories);
                } else {
                    walk(f.getValue(), f.getKey(), factories, minBlock);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, key, factories, minBlock));
        }
    }

    private static void addAddress(String text, List<String> factories) {
        if (text.matches("0x[0-9a-fA-F]{40}") && !factories.contains(text.toLowerCase(Locale.ROOT))) {
            factories.add(text.toLowerCase(Locale.ROOT));
        }
    }
}
