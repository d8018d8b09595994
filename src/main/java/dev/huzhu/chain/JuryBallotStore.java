package dev.huzhu.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * A juror's hidden votes between commit and reveal: the vote and its random salt, kept in
 * {@code ~/.huzhu/jury/<chainId>-<plan>-<claim>-<juror>.json} (mode 600) until revealed.
 */
public final class JuryBallotStore {
    /** A committed vote. */
    public record Ballot(boolean approve, byte[] salt) {}

    /** The file's shape: {@code {"approve": true, "salt": "0x…"}}. */
    record BallotFile(boolean approve, String salt) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public JuryBallotStore(Path dir) {
        this.dir = dir;
    }

    public static byte[] randomSalt() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    public Path file(long chainId, String plan, long claimId, String juror) {
        return dir.resolve(chainId + "-" + plan.toLowerCase() + "-" + claimId + "-" + juror.toLowerCase() + ".json");
    }

    public Path save(long chainId, String plan, long claimId, String juror, Ballot ballot) {
        Path target = file(chainId, plan, claimId, juror);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".ballot-", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new BallotFile(ballot.approve(), Numeric.toHexString(ballot.salt())));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the jury ballot in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Optional<Ballot> load(long chainId, String plan, long claimId, String juror) {
        Path f = file(chainId, plan, claimId, juror);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            BallotFile b = JSON.readValue(f.toFile(), BallotFile.class);
            if (b.salt() == null || !b.salt().matches("0x[0-9a-fA-F]{64}")) {
                throw new IllegalStateException("the jury ballot " + f + " has no 32-byte salt");
            }
            return Optional.of(new Ballot(b.approve(), Numeric.hexStringToByteArray(b.salt())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the jury ballot " + f + ": " + e.getMessage(), e);
        }
    }

    public void delete(long chainId, String plan, long claimId, String juror) {
        try {
            Files.deleteIfExists(file(chainId, plan, claimId, juror));
        } catch (IOException ignored) {
            // a leftover ballot only holds a revealed vote
        }
    }
}
