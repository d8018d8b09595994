package dev.huzhu.cli.resident;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where the resident process of one config directory listens: {@code <config dir>/resident/endpoint}, one line
 * {@code PORT TOKEN PID}, readable by its owner only. The launcher reads it with bash's {@code read}.
 */
public record ResidentEndpoint(int port, String token, long pid) {
    /** The resident directory of a config directory (mode 0700). */
    public static Path dir(Path configDir) {
        return configDir.resolve("resident");
    }

    static Path file(Path dir) {
        return dir.resolve("endpoint");
    }

    /** The endpoint written in {@code dir}, if any and well formed. */
    public static Optional<ResidentEndpoint> read(Path dir) {
        try {
            String[] f = Files.readString(file(dir), StandardCharsets.US_ASCII).trim().split(" ");
            return f.length == 3 ? Optional.of(new ResidentEndpoint(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2]))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Creates {@code dir} for its owner only. */
    static void makeDir(Path dir) throws IOException {
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Writes this endpoint into {@code dir}: a private temporary file moved into place, so a reader never sees half a line. */
    void write(Path dir) throws IOException {
        Path tmp = Files.createTempFile(dir, "endpoint", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, port + " " + token + " " + pid + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file(dir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file(dir), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether {@code dir} still names this endpoint (a newer process or `resident stop` replaces or removes it). */
    boolean current(Path dir) {
        return read(dir).filter(e -> e.token.equals(token)).isPresent();
    }
}
