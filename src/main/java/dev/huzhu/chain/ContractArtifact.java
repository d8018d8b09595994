package dev.huzhu.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;

/** A compiled contract's creation bytecode, read from its Hardhat artifact. */
public record ContractArtifact(String name, String bytecode) {
    /**
     * Reads {@code <artifactsDir>/<sourcePath>/<name>.json}, e.g. ("pool/AidPool.sol", "AidPool").
     *
     * @throws NotFoundException when the contracts have not been compiled
     */
    public static ContractArtifact load(Path artifactsDir, String sourcePath, String name) {
        Path f = artifactsDir.resolve(sourcePath).resolve(name + ".json");
        if (!Files.isRegularFile(f)) {
            throw new NotFoundException("contract artifact " + f + " is missing; build first (./huzhu builds on its own, or mvn package)");
        }
        try {
            JsonNode node = new ObjectMapper().readTree(f.toFile());
            String bytecode = node.path("bytecode").asText("");
            if (bytecode.length() <= 2) {
                throw new NotFoundException(f + " has no bytecode (an interface or abstract contract?)");
            }
            return new ContractArtifact(name, bytecode);
        } catch (IOException e) {
            throw new NotFoundException("cannot read " + f + ": " + e.getMessage());
        }
    }

    /** Creation data: bytecode followed by the ABI-encoded constructor arguments. */
    public String creationData(List<Type> constructorArgs) {
        return bytecode + (constructorArgs.isEmpty() ? "" : FunctionEncoder.encodeConstructor(constructorArgs));
    }
}
