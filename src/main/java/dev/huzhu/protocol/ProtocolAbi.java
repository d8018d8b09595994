package dev.huzhu.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The compiled contracts as the build packaged them: every Hardhat artifact's ABI and creation
 * bytecode, copied by Maven into the classpath under {@code dev/huzhu/protocol/abi/} (see pom.xml).
 * Nothing here reads {@code artifacts/}: the CLI and the indexer run from any directory.
 */
public final class ProtocolAbi {
    static final String ROOT = "abi";
    private static volatile ProtocolAbi packaged;

    /** One contract: its name, source path ("pool/AidPool.sol"), ABI entries and creation bytecode ("0x" when abstract). */
    public record Contract(String name, String source, JsonNode abi, String bytecode) {}

    private final Map<String, Contract> contracts;

    ProtocolAbi(Map<String, Contract> contracts) {
        this.contracts = Collections.unmodifiableMap(contracts);
    }

    /** The ABIs packaged with this build (read once). */
    public static ProtocolAbi packaged() {
        ProtocolAbi p = packaged;
        if (p == null) {
            synchronized (ProtocolAbi.class) {
                if (packaged == null) {
                    packaged = load();
                }
                p = packaged;
            }
        }
        return p;
    }

    /** Every contract, by name (a name defined twice keeps the first in path order). */
    public Map<String, Contract> contracts() {
        return contracts;
    }

    /** The contract called {@code name}, or an IllegalStateException: the build is incomplete. */
    public Contract contract(String name) {
        Contract c = contracts.get(name);
        if (c == null) {
            throw new IllegalStateException("contract " + name + " is not packaged with this build (" + contracts.size()
                    + " contracts are); rebuild with mvn package");
        }
        return c;
    }

    /** All ABI entries of {@code type} ("event", "error", "function") of every contract, in contract order. */
    public List<JsonNode> entries(String type) {
        List<JsonNode> out = new ArrayList<>();
        for (Contract c : contracts.values()) {
            for (JsonNode e : c.abi()) {
                if (type.equals(e.path("type").asText())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static ProtocolAbi load() {
        URL root = ProtocolAbi.class.getResource(ROOT);
        if (root == null) {
            throw new IllegalStateException("the contracts' ABIs are missing from the classpath (dev/huzhu/protocol/abi); "
                    + "this build is incomplete: rebuild with mvn package");
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return read(fs.provider().getPath(uri));
            }
            return read(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the packaged ABIs at " + root + ": " + e.getMessage(), e);
        }
    }

    /** Reads every artifact below {@code dir} (a folder laid out like Hardhat's artifacts/contracts). */
    public static ProtocolAbi read(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Contract> map = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".dbg.json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode node;
            try (InputStream in = Files.newInputStream(f)) {
                node = json.readTree(in);
            }
            JsonNode abi = node.get("abi");
            if (abi == null || !node.hasNonNull("contractName")) {
                continue;
            }
            String name = node.get("contractName").asText();
            map.putIfAbsent(name, new Contract(name, node.path("sourceName").asText(""), abi, node.path("bytecode").asText("0x")));
        }
        if (map.isEmpty()) {
            throw new IllegalStateException("no contract ABI found in " + dir + "; rebuild with mvn package");
        }
        return new ProtocolAbi(map);
    }
}
