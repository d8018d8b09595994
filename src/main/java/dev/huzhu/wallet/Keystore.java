package dev.huzhu.wallet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.protocol.Address;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;

/**
 * A directory of Ethereum Keystore V3 files (the format geth, web3j and Foundry read). An
 * account's name is its file name without {@code .json}; files written by other tools keep
 * their names ({@code UTC--…}). New and rewritten files appear atomically with mode 600.
 */
public final class Keystore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    public Keystore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** All accounts, by name. An absent directory is an empty keystore. */
    public List<KeystoreEntry> list() {
        List<KeystoreEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                readEntry(f).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new WalletException("cannot read keystore directory " + dir + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(KeystoreEntry::name));
        return entries;
    }

    /** Finds an account by name or address (an address with a bad checksum is rejected). */
    public KeystoreEntry find(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new WalletException("no account given: use --account NAME|ADDRESS or set HUZHU_ACCOUNT");
        }
        if (!Files.isDirectory(dir)) {
            throw new WalletException("keystore directory " + dir + " does not exist; create an account with `huzhu wallet new NAME`");
        }
        List<KeystoreEntry> all = list();
        if (ref.startsWith("0x") || ref.startsWith("0X")) {
            String address = Address.parse(ref, "account").checksummed();
            return all.stream().filter(e -> e.address().equals(address)).findFirst().orElseThrow(() ->
                    new WalletException("no account with address " + address + " in " + dir));
        }
        return all.stream().filter(e -> e.name().equals(ref)).findFirst().orElseThrow(() ->
                new WalletException("no account named '" + ref + "' in " + dir + " (`huzhu wallet list` shows them)"));
    }

    /** Encrypts {@code keyPair} under {@code password} into a new file {@code <name>.json}. */
    public KeystoreEntry create(String name, ECKeyPair keyPair, String password, ScryptStrength strength) {
        AccountName.check(name);
        WalletFile file = encrypt(keyPair, password, strength);
        return add(name, Address.checksum("0x" + file.getAddress()), write(file));
    }

    /** Copies an existing V3 file (from geth, web3j, Foundry…) in as {@code name}, after checking the password opens it. */
    public KeystoreEntry importFile(String name, Path source, String password) {
        AccountName.check(name);
        byte[] content;
        try {
            content = Files.readAllBytes(source);
        } catch (NoSuchFileException e) {
            throw new WalletException("keystore file " + source + " does not exist");
        } catch (IOException e) {
            throw new WalletException("cannot read keystore file " + source + ": " + e.getMessage(), e);
        }
        WalletFile file = parse(content, source);
        ECKeyPair pair = decrypt(file, password, "keystore file " + source);
        String address = Address.checksum("0x" + org.web3j.crypto.Keys.getAddress(pair));
        return add(name, address, content);
    }

    /** Decrypts the account's key and returns a signer for it. */
    public KeystoreSigner unlock(KeystoreEntry entry, String password) {
        return new KeystoreSigner(entry.address(), decrypt(load(entry), password, "account '" + entry.name() + "'"));
    }

    /** Re-encrypts the account under a new password, replacing its file atomically. */
    public void changePassword(KeystoreEntry entry, String oldPassword, String newPassword, ScryptStrength strength) {
        ECKeyPair pair = decrypt(load(entry), oldPassword, "account '" + entry.name() + "'");
        byte[] content = write(encrypt(pair, newPassword, strength));
        Path tmp = temp(content);
        move(tmp, entry.file(), true);
    }

    /** Moves the account's file into {@code removed/} under the keystore (never deletes key material). */
    public Path remove(KeystoreEntry entry) {
        Path removedDir = dir.resolve("removed");
        Path target = removedDir.resolve(entry.name() + "-" + Instant.now().getEpochSecond() + ".json");
        try {
            Files.createDirectories(removedDir);
            Files.move(entry.file(), target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new WalletException("cannot move " + entry.file() + " to " + removedDir + ": " + e.getMessage(), e);
        }
    }

    /** The scrypt parameters (n, p) of an account's file, for display. */
    public int[] scryptParams(KeystoreEntry entry) {
        Object p = load(entry).getCrypto().getKdfparams();
        if (p instanceof WalletFile.ScryptKdfParams s) {
            return new int[] {s.getN(), s.getP()};
        }
        return new int[] {0, 0};
    }

    // ------------------------------------------------------------------ internals

    private KeystoreEntry add(String name, String address, byte[] content) {
        for (KeystoreEntry e : list()) {
            if (e.name().equals(name)) {
                throw new WalletException("an account named '" + name + "' already exists (" + e.address() + ")");
            }
            if (e.address().equals(address)) {
                throw new WalletException("account " + address + " is already in the keystore as '" + e.name() + "'");
            }
        }
        Path target = dir.resolve(name + ".json");
        move(temp(content), target, false);
        return new KeystoreEntry(name, address, target);
    }

    private static WalletFile encrypt(ECKeyPair pair, String password, ScryptStrength strength) {
        try {
            return Wallet.create(password, pair, strength.n(), strength.p());
        } catch (CipherException e) {
            throw new WalletException("cannot encrypt the key: " + e.getMessage(), e);
        }
    }

    private static ECKeyPair decrypt(WalletFile file, String password, String what) {
        try {
            return Wallet.decrypt(password, file);
        } catch (CipherException e) {
            if (String.valueOf(e.getMessage()).contains("Invalid password")) {
                throw new WalletException("wrong password for " + what);
            }
            throw new WalletException("cannot decrypt " + what + ": " + e.getMessage(), e);
        }
    }

    private WalletFile load(KeystoreEntry entry) {
        try {
            return parse(Files.readAllBytes(entry.file()), entry.file());
        } catch (IOException e) {
            throw new WalletException("cannot read " + entry.file() + ": " + e.getMessage(), e);
        }
    }

    private static WalletFile parse(byte[] content, Path source) {
        try {
            WalletFile file = JSON.readValue(content, WalletFile.class);
            if (file.getCrypto() == null || file.getVersion() != 3) {
                throw new WalletException(source + " is not an Ethereum keystore V3 file");
            }
            return file;
        } catch (IOException e) {
            throw new WalletException(source + " is not an Ethereum keystore V3 file");
        }
    }

    private static Optional<KeystoreEntry> readEntry(Path f) {
        try {
            JsonNode node = JSON.readTree(f.toFile());
            JsonNode address = node.get("address");
            if (node.get("version") == null || node.get("version").asInt() != 3 || address == null) {
                return Optional.empty();
            }
            String hex = address.asText();
            hex = hex.startsWith("0x") ? hex : "0x" + hex;
            if (!Address.looksLike(hex)) {
                return Optional.empty();
            }
            String name = f.getFileName().toString();
            return Optional.of(new KeystoreEntry(name.substring(0, name.length() - ".json".length()), Address.checksum(hex), f));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] write(WalletFile file) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
        } catch (IOException e) {
            throw new WalletException("cannot serialise the keystore: " + e.getMessage(), e);
        }
    }

    private Path temp(byte[] content) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                trySetMode(dir, "rwx------");
            }
            Path tmp = Files.createTempFile(dir, ".new-", ".tmp");
            trySetMode(tmp, "rw-------");
            Files.write(tmp, content);
            return tmp;
        } catch (IOException e) {
            throw new WalletException("cannot write to keystore directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path tmp, Path target, boolean replace) {
        try {
            if (replace) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // link-then-delete: fails if the target appeared meanwhile, never overwrites
                Files.createLink(target, tmp);
                Files.delete(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(tmp);
            throw new WalletException(target + " already exists");
        } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
            deleteQuietly(tmp);
            throw new WalletException("the file system of " + target.getParent() + " cannot replace files atomically");
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new WalletException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover .tmp file holds an encrypted key only
        }
    }

    private static void trySetMode(Path p, String mode) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException | IOException ignored) {
            // non-POSIX file system: keep its defaults
        }
    }
}
