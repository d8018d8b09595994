package dev.huzhu.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Reads and writes {@code <dir>/<chainId>.json}; writes are atomic (temp file + rename). */
public final class DeploymentBook {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    public DeploymentBook(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path file(long chainId) {
        return dir.resolve(chainId + ".json");
    }

    public Optional<Deployment> read(long chainId) {
        Path f = file(chainId);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), Deployment.class));
        } catch (IOException e) {
            throw new InvalidInputException(f + " is not a valid deployment file: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The deployment of {@code chainId}, or NotFoundException telling to deploy first. */
    public Deployment require(long chainId) {
        return read(chainId).orElseThrow(() -> new NotFoundException(
                "nothing is deployed on chain " + chainId + " (no " + file(chainId) + "); run `huzhu deploy` first"));
    }

    public Path write(Deployment d) {
        Path target = file(d.chainId());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + d.chainId() + "-", ".tmp");
            JSON.writeValue(tmp.toFile(), d);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
