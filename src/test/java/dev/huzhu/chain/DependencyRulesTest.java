package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, checked on the sources: chain, indexer and web never import cli; only cli uses wallet. */
class DependencyRulesTest {
    static final Map<String, List<String>> FORBIDDEN = Map.of(
            "chain", List.of("dev.huzhu.cli", "dev.huzhu.wallet"),
            "wallet", List.of("dev.huzhu.cli"),
            "indexer", List.of("dev.huzhu.cli", "dev.huzhu.wallet"),
            "web", List.of("dev.huzhu.cli", "dev.huzhu.wallet"),
            "devnet", List.of("dev.huzhu.cli", "dev.huzhu.wallet"));

    @Test
    void packagesImportOnlyDownwards() throws IOException {
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src/main/java/dev/huzhu");
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            Path dir = root.resolve(rule.getKey());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        for (String banned : rule.getValue()) {
                            if (line.startsWith("import " + banned + ".") || line.contains(" " + banned + ".") && !line.strip().startsWith("*")) {
                                violations.add(root.relativize(f) + ": " + line.strip());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
