package dev.huzhu.zk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.web3j.utils.Numeric;

/**
 * Poseidon commitments and Groth16 rating proofs, computed by snarkjs through Node ({@code scripts/lib/zk.js} of the
 * checkout, which the project already needs for its contracts). The secret goes to the child process on its
 * standard input, never on its command line.
 */
public final class ZkProver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path projectDir;

    public ZkProver(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** Poseidon(secret): the leaf a member registers. */
    public BigInteger commitment(BigInteger secret) {
        ObjectNode req = JSON.createObjectNode().put("secret", secret.toString());
        return new BigInteger(run("commitment", req).get("commitment").asText());
    }

    /** A proof that the owner of {@code secret} (leaf {@code index} of {@code tree}) rates {@code plan}. */
    public RatingProof proveRating(BigInteger secret, CommitmentTree tree, int index, String plan, int stars, byte[] reviewHash) {
        ObjectNode req = JSON.createObjectNode().put("secret", secret.toString()).put("index", index).put("plan", plan)
                .put("stars", stars).put("reviewHash", Numeric.toHexString(reviewHash));
        ArrayNode leaves = req.putArray("leaves");
        tree.leaves().forEach(l -> leaves.add(l.toString()));
        JsonNode out = run("prove", req);
        List<BigInteger> proof = new ArrayList<>();
        out.get("proof").forEach(p -> proof.add(new BigInteger(p.asText())));
        return new RatingProof(new BigInteger(out.get("root").asText()), new BigInteger(out.get("nullifier").asText()), List.copyOf(proof),
                out.get("millis").asLong());
    }

    private JsonNode run(String command, ObjectNode request) {
        Path script = projectDir.resolve("scripts/lib/zk.js");
        if (!Files.isRegularFile(script) || !Files.isDirectory(projectDir.resolve("node_modules/snarkjs"))) {
            throw new ZkException("zero-knowledge proofs need the Huzhu checkout with its npm packages (scripts/lib/zk.js, "
                    + "node_modules/snarkjs) and " + projectDir + " has not got them: run from the checkout after `npm ci`");
        }
        try {
            Process p = new ProcessBuilder("node", script.toString(), command).directory(projectDir.toFile()).start();
            CompletableFuture<byte[]> stdout = read(p.getInputStream());
            CompletableFuture<byte[]> stderr = read(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(request));
            }
            int exit = p.waitFor();
            String err = new String(stderr.join(), StandardCharsets.UTF_8).strip();
            if (exit != 0) {
                throw new ZkException(err.isEmpty() ? "the prover (node scripts/lib/zk.js) failed with exit " + exit : err.lines().reduce((a, b) -> b).orElse(err));
            }
            return JSON.readTree(stdout.join());
        } catch (IOException e) {
            throw new ZkException("cannot run the prover (node scripts/lib/zk.js): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZkException("interrupted while proving");
        }
    }

    private static CompletableFuture<byte[]> read(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                return s.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}
