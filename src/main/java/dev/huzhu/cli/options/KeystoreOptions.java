package dev.huzhu.cli.options;

import dev.huzhu.cli.Session;
import dev.huzhu.wallet.Keystore;
import dev.huzhu.wallet.PasswordSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the keystore lives and where the password comes from. */
public final class KeystoreOptions {
    @Option(names = "--keystore-dir", paramLabel = "DIR",
            description = "keystore directory (default: $HUZHU_KEYSTORE_DIR or ~/.huzhu/keystore)")
    Path keystoreDir;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "read the password from the first line of FILE (else $HUZHU_PASSWORD, else a hidden prompt)")
    Path passwordFile;

    public Keystore keystore(Session session) {
        if (keystoreDir != null) {
            return new Keystore(keystoreDir);
        }
        String env = session.env("HUZHU_KEYSTORE_DIR");
        return new Keystore(env != null ? Path.of(env) : session.userDir().resolve("keystore"));
    }

    /**
     * An address typed by the user, or the name of an account in the keystore: {@code 0x…} must be an
     * address (EIP-55 checked), anything else is looked up by name (no password needed).
     */
    public String addressOf(Session session, String text, String what) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return dev.huzhu.protocol.Address.parse(text, what).checksummed();
        }
        return keystore(session).find(text).address();
    }

    public Path passwordFile() {
        return passwordFile;
    }

    public PasswordSource passwords(Session session) {
        return new PasswordSource(session.env(), session.console());
    }
}
