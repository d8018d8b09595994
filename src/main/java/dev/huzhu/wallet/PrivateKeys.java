package dev.huzhu.wallet;

import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** Parses a raw secp256k1 private key; error messages never repeat the key. */
public final class PrivateKeys {
    private PrivateKeys() {}

    /** Reads a key from {@code source}: a file, or "-" for standard input. */
    public static ECKeyPair read(String source, InputStream stdin) {
        String text;
        try {
            if ("-".equals(source)) {
                text = new String(stdin.readNBytes(4096), StandardCharsets.UTF_8);
            } else {
                text = Files.readString(Path.of(source), StandardCharsets.UTF_8);
            }
        } catch (NoSuchFileException e) {
            throw new WalletException("private key file " + source + " does not exist");
        } catch (IOException e) {
            throw new WalletException("cannot read the private key from " + source + ": " + e.getMessage(), e);
        }
        return parse(text);
    }

    /** A fresh random key pair. */
    public static ECKeyPair generate() {
        try {
            return org.web3j.crypto.Keys.createEcKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new WalletException("cannot generate a key: " + e.getMessage(), e);
        }
    }

    /** Parses 64 hex digits (optional 0x, surrounding whitespace ignored) into a key pair. */
    public static ECKeyPair parse(String text) {
        String hex = text == null ? "" : text.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidInputException("the private key must be 64 hex digits (optionally 0x-prefixed) on one line");
        }
        BigInteger k = new BigInteger(hex, 16);
        if (k.signum() == 0 || k.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
            throw new InvalidInputException("the private key is outside the secp256k1 range");
        }
        return ECKeyPair.create(k);
    }
}
