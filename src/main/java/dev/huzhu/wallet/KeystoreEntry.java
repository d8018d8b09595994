package dev.huzhu.wallet;

import java.nio.file.Path;

/** One account in the keystore directory: its name (the file name without .json), EIP-55 address and file. */
public record KeystoreEntry(String name, String address, Path file) {}
