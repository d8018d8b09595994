package dev.huzhu.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs scripts/lib/bench/emit-events.js: protocol-shaped events in bulk from an EventBurst helper contract. */
public final class EventGenerator {
    /** What was emitted. */
    public record Burst(String address, long fromBlock, long toBlock, long events) {}

    private EventGenerator() {}

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
