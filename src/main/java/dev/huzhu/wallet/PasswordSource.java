package dev.huzhu.wallet;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a password comes from, in order: a {@code --password-file}, an environment variable
 * ({@code HUZHU_PASSWORD}; {@code HUZHU_NEW_PASSWORD} for a new password), or a hidden prompt on
 * the terminal. Never a command-line argument: those end up in shell history and {@code ps}.
 */
public final class PasswordSource {
    public static final String ENV = "HUZHU_PASSWORD";
    public static final String ENV_NEW = "HUZHU_NEW_PASSWORD";

    private final Map<String, String> env;
    private final Console console;

    /** @param console the terminal, or null when there is none (scripts, tests) */
    public PasswordSource(Map<String, String> env, Console console) {
        this.env = env;
        this.console = console;
    }

    /** The password of an existing account. */
    public String existing(Path file, String what) {
        return read(file, ENV, "password for " + what, false);
    }

    /** A new password (asked twice on a terminal). */
    public String fresh(Path file, String envName, String what) {
        String password = read(file, envName, "new password for " + what, true);
        if (password.isEmpty()) {
            throw new WalletException("the new password is empty");
        }
        return password;
    }

    private String read(Path file, String envName, String prompt, boolean confirm) {
        if (file != null) {
            return fromFile(file);
        }
        String fromEnv = env.get(envName);
        if (fromEnv != null) {
            return fromEnv;
        }
        if (console == null) {
            throw new WalletException("no password: use --password-file FILE, set " + envName + ", or run in a terminal");
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null) {
            throw new WalletException("no password entered");
        }
        if (confirm) {
            char[] again = console.readPassword("repeat the %s: ", prompt);
            if (again == null || !new String(first).equals(new String(again))) {
                throw new WalletException("the two passwords differ");
            }
        }
        return new String(first);
    }

    private static String fromFile(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            if (s.endsWith("\n")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.endsWith("\r")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.isEmpty()) {
                throw new WalletException("password file " + file + " is empty");
            }
            return s;
        } catch (NoSuchFileException e) {
            throw new WalletException("password file " + file + " does not exist");
        } catch (IOException e) {
            throw new WalletException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
    }
}
