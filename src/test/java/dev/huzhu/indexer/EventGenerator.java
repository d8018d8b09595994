package dev.huzhu.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs scripts/lib/bench/emit-events.js: protocol-shaped events in bulk from an EventBurst helper contract. */
public final class EventGenerator {
    /** What was emitted. */
    public record Burst(String address, long fromBlock, long toBlock, long events) {}

    private static final Map<List<String>, Burst> ONCE = new HashMap<>();

    private EventGenerator() {}

    /**
     * The burst of these options on this node, emitted the first time it is asked for: for a test class whose cases
     * (one per database, say) all read the same chain.
     */
    public static synchronized Burst once(String rpcUrl, String... options) throws Exception {
        List<String> key = new ArrayList<>(List.of(rpcUrl));
        key.addAll(List.of(options));
        Burst b = ONCE.get(key);
        if (b == null) {
            b = emit(rpcUrl, options);
            ONCE.put(key, b);
        }
        return b;
    }

    public static Burst emit(String rpcUrl, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", "scripts/lib/bench/emit-events.js", "--rpc", rpcUrl));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).directory(HardhatNodeExtension.projectDir().toFile()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("emit-events.js failed: " + err);
        }
        JsonNode j = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        return new Burst(j.get("address").asText(), j.get("fromBlock").asLong(), j.get("toBlock").asLong(), j.get("events").asLong());
    }
}
