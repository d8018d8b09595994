package dev.huzhu.wallet;

import java.nio.file.Path;

/**
 * One account in the keystore directory: its name (the file name without .json), EIP-55 address (as the
 * file states it; checked against the key when unlocked) and file. A file that cannot be an account
 * (not JSON, truncated, no address, KDF beyond limits…) is listed with {@code problem} saying why and no address.
 */
public record KeystoreEntry(String name, String address, Path file, String problem) {
    public KeystoreEntry(String name, String address, Path file) {
        this(name, address, file, null);
    }

    public boolean broken() {
        return problem != null;
    }
}
