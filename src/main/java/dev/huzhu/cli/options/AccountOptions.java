package dev.huzhu.cli.options;

import dev.huzhu.cli.Session;
import dev.huzhu.wallet.Keystore;
import dev.huzhu.wallet.KeystoreEntry;
import dev.huzhu.wallet.KeystoreSigner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The signing account: a keystore entry by name or address, unlocked only when about to sign. */
public final class AccountOptions {
    @Option(names = {"-a", "--account"}, paramLabel = "NAME|ADDRESS", description = "signing account (default: $HUZHU_ACCOUNT)")
    String account;

    @Mixin
    KeystoreOptions keystoreOptions;

    public KeystoreEntry entry(Session session) {
        String ref = account != null ? account : session.env("HUZHU_ACCOUNT");
        return keystoreOptions.keystore(session).find(ref);
    }

    /** Another entry of the same keystore, by name or address (a command that uses two accounts). */
    public KeystoreEntry entryNamed(Session session, String ref) {
        return keystoreOptions.keystore(session).find(ref);
    }

    /** An address or an account name (see {@link KeystoreOptions#addressOf}). */
    public String addressOf(Session session, String text, String what) {
        return keystoreOptions.addressOf(session, text, what);
    }

    public KeystoreSigner unlock(Session session, KeystoreEntry entry) {
        Keystore keystore = keystoreOptions.keystore(session);
        String password = keystoreOptions.passwords(session).existing(keystoreOptions.passwordFile(), "'" + entry.name() + "'");
        return keystore.unlock(entry, password);
    }
}
