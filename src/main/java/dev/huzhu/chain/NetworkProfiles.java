package dev.huzhu.chain;

import dev.huzhu.protocol.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Built-in network profiles plus those of a user file ({@code ~/.huzhu/networks.json}):
 * <pre>{ "mynet": { "rpcUrl": "https://…", "chainId": 8453, "local": false } }</pre>
 * A user entry with a built-in's name replaces it.
 */
public final class NetworkProfiles {
    public static final long HARDHAT_CHAIN_ID = 31337;
    public static final long SEPOLIA_CHAIN_ID = 11155111;
    public static final long HOLESKY_CHAIN_ID = 17000;

    private final Map<String, NetworkProfile> profiles = new LinkedHashMap<>();
    private final Path userFile;

    private NetworkProfiles(Path userFile) {
        this.userFile = userFile;
    }

    /** The built-ins, with {@code local} at {@code localRpcUrl}, plus {@code userFile} if it exists. */
    public static NetworkProfiles load(String localRpcUrl, Path userFile) {
        NetworkProfiles p = new NetworkProfiles(userFile);
        p.put(new NetworkProfile("local", localRpcUrl, HARDHAT_CHAIN_ID, true));
        p.put(new NetworkProfile("sepolia", "https://ethereum-sepolia-rpc.publicnode.com", SEPOLIA_CHAIN_ID, false));
        p.put(new NetworkProfile("holesky", "https://ethereum-holesky-rpc.publicnode.com", HOLESKY_CHAIN_ID, false));
        if (userFile != null && Files.isRegularFile(userFile)) {
            p.readUserFile();
        }
        return p;
    }

    private void put(NetworkProfile profile) {
        profiles.put(profile.name(), profile);
    }

    private void readUserFile() {
        try {
            JsonNode root = new ObjectMapper().readTree(userFile.toFile());
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = e.getValue();
                if (!n.path("rpcUrl").isTextual() || !n.path("chainId").canConvertToLong()) {
                    throw new InvalidInputException("network '" + e.getKey() + "' in " + userFile + " needs \"rpcUrl\" (text) and \"chainId\" (number)");
                }
                long chainId = n.path("chainId").asLong();
                boolean local = n.has("local") ? n.path("local").asBoolean() : chainId == HARDHAT_CHAIN_ID || chainId == 1337;
                put(new NetworkProfile(e.getKey(), n.path("rpcUrl").asText(), chainId, local));
            }
        } catch (IOException e) {
            throw new InvalidInputException("networks file " + userFile + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The named profile, or an IllegalArgumentException listing the known ones. */
    public NetworkProfile get(String name) {
        NetworkProfile p = profiles.get(name);
        if (p == null) {
            throw new InvalidInputException("unknown network '" + name + "'; known: " + String.join(", ", profiles.keySet())
                    + " (add more in " + (userFile == null ? "~/.huzhu/networks.json" : userFile) + ")");
        }
        return p;
    }

    public Map<String, NetworkProfile> all() {
        return Map.copyOf(profiles);
    }
}
