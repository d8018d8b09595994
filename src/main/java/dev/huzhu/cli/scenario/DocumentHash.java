package dev.huzhu.cli.scenario;

import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.web3j.crypto.Hash;

/** keccak-256 of a document (a file hashed locally, or a short text): only the hash goes on chain. */
public final class DocumentHash {
    private DocumentHash() {}

    public static byte[] file(Path file, String option) {
        try {
            return Hash.sha3(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(option + " " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + option + " " + file + ": " + e.getMessage());
        }
    }

    public static byte[] text(String text) {
        return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
    }
}
