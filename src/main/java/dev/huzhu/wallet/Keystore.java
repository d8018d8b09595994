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

    /** All accounts, by name, broken files included (with their problem). An absent directory is an empty keystore. */
    public List<KeystoreEntry> list() {
        List<KeystoreEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Keystore::mayBeAccount)) {
            for (Path f : files) {
                entries.add(readEntry(f));
            }
        } catch (IOException e) {
            throw new WalletException("cannot read keystore directory " + dir + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(KeystoreEntry::name));
        return entries;
    }

    /**
     * Whether a directory entry may be an account file: any regular file, with or without {@code .json}, so
     * that geth's {@code UTC--…--address} and Foundry's {@code keystores/NAME} files dropped in are listed;
     * not sub-directories ({@code removed/}), hidden files or this class's own temporary files.
     */
    static boolean mayBeAccount(Path f) {
        String name = f.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith("~") && Files.isRegularFile(f);
    }

    /** Finds an account by name or address (an address with a bad checksum is rejected); a broken file is refused with its problem. */
    public KeystoreEntry find(String ref) {
        return find(ref, false);
    }

    /** As {@link #find(String)}, but a broken file named {@code ref} is returned (to move it away with `wallet remove`). */
    public KeystoreEntry find(String ref, boolean brokenToo) {
        if (ref == null || ref.isBlank()) {
            throw new WalletException("no account given: use --account NAME|ADDRESS or set HUZHU_ACCOUNT");
        }
        if (!Files.isDirectory(dir)) {
            throw new WalletException("keystore directory " + dir + " does not exist; create an account with `huzhu wallet new NAME`");
        }
        List<KeystoreEntry> all = list();
        if (ref.startsWith("0x") || ref.startsWith("0X")) {
            String address = Address.parse(ref, "account").checksummed();
            return all.stream().filter(e -> address.equals(e.address())).findFirst().orElseThrow(() ->
                    new WalletException("no account with address " + address + " in " + dir));
        }
        KeystoreEntry e = all.stream().filter(x -> x.name().equals(ref)).findFirst().orElseThrow(() ->
                new WalletException("no account named '" + ref + "' in " + dir + " (`huzhu wallet list` shows them)"));
        if (e.broken() && !brokenToo) {
            throw new WalletException("account '" + ref + "' cannot be used: " + e.file() + " " + e.problem());
        }
        return e;
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
        if (file.getAddress() == null || file.getAddress().isBlank()) {
            // Foundry may write no address: the copy states it, so that it lists and signs without the password first
            file.setAddress(address.substring(2).toLowerCase(java.util.Locale.ROOT));
            content = write(file);
        }
        String stated = file.getAddress().replaceFirst("^0[xX]", "").toLowerCase(java.util.Locale.ROOT);
        if (!stated.equals(address.substring(2).toLowerCase(java.util.Locale.ROOT))) {
            throw new WalletException("refusing keystore file " + source + ": it says address 0x" + stated + " but its key is " + address
                    + " (the file was altered)");
        }
        return add(name, address, content);
    }

    /**
     * Decrypts the account's key and returns a signer for it. The address is derived from the key and
     * must be the one the file states (the one listed, shown and checked against the dev keys): a file
     * whose {@code address} was edited is refused, never signed with.
     */
    public KeystoreSigner unlock(KeystoreEntry entry, String password) {
        return new KeystoreSigner(entry.address(), unlockPair(entry, password));
    }

    /** Re-encrypts the account under a new password, replacing its file atomically. */
    public void changePassword(KeystoreEntry entry, String oldPassword, String newPassword, ScryptStrength strength) {
        ECKeyPair pair = unlockPair(entry, oldPassword);
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

    /** The account's key, once its address is checked against the file's {@code address} field. */
    private ECKeyPair unlockPair(KeystoreEntry entry, String password) {
        if (entry.broken()) {
            throw new WalletException("account '" + entry.name() + "' cannot be used: " + entry.file() + " " + entry.problem());
        }
        ECKeyPair pair = decrypt(load(entry), password, "account '" + entry.name() + "'");
        String derived = Address.checksum("0x" + org.web3j.crypto.Keys.getAddress(pair));
        if (!derived.equals(entry.address())) {
            throw new WalletException("refusing account '" + entry.name() + "': " + entry.file() + " says address " + entry.address()
                    + " but its key is " + derived + " (the file was altered)");
        }
        return pair;
    }

    private KeystoreEntry add(String name, String address, byte[] content) {
        for (KeystoreEntry e : list()) {
            if (e.name().equals(name)) {
                throw new WalletException("an account named '" + name + "' already exists (" + e.address() + ")");
            }
            if (address.equals(e.address())) {
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
        String problem = KdfLimits.problem(file);
        if (problem != null) {
            throw new WalletException("cannot open " + what + ": " + problem);
        }
        try {
            return Wallet.decrypt(password, file);
        } catch (RuntimeException e) {
            throw new WalletException("cannot open " + what + ": malformed keystore (" + e.getClass().getSimpleName() + ")", e);
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

    /** The file as an account, or as a broken entry saying why it cannot be one (never dropped: "no account named" would mislead). */
    private static KeystoreEntry readEntry(Path f) {
        String name = f.getFileName().toString();
        name = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        JsonNode node;
        try {
            node = JSON.readTree(f.toFile());
        } catch (IOException e) {
            return new KeystoreEntry(name, null, f, "is not valid JSON (truncated or damaged?)");
        }
        if (node == null || !node.isObject()) {
            return new KeystoreEntry(name, null, f, "is not a JSON object (empty or damaged?)");
        }
        if (node.get("version") == null || node.get("version").asInt() != 3) {
            return new KeystoreEntry(name, null, f, "is not an Ethereum keystore V3 file (version " + node.get("version") + ")");
        }
        JsonNode address = node.get("address");
        if (address == null) {
            return new KeystoreEntry(name, null, f, "has no address field (Foundry may write none): `huzhu wallet import NAME --keystore FILE` copies it in with its address");
        }
        String hex = address.asText();
        hex = hex.startsWith("0x") ? hex : "0x" + hex;
        if (!Address.looksLike(hex)) {
            return new KeystoreEntry(name, null, f, "has an address field that is not an address");
        }
        WalletFile file;
        try {
            file = WalletFileTree.of(node);
        } catch (RuntimeException e) {
            return new KeystoreEntry(name, null, f, "has a malformed crypto section");
        }
        String problem = KdfLimits.problem(file);
        return problem != null ? new KeystoreEntry(name, null, f, "cannot be opened: " + problem) : new KeystoreEntry(name, Address.checksum(hex), f);
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
