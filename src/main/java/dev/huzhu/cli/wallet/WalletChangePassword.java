package dev.huzhu.cli.wallet;

import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.options.ScryptOption;
import dev.huzhu.wallet.Keystore;
import dev.huzhu.wallet.KeystoreEntry;
import dev.huzhu.wallet.PasswordSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu wallet change-password NAME}. */
@Command(name = "change-password", mixinStandardHelpOptions = true,
        description = "Re-encrypt an account under a new password (the file is replaced atomically).",
        footer = {"", "The new password comes from --new-password-file, $HUZHU_NEW_PASSWORD, or a hidden prompt (asked twice).",
                "", "Examples:", "  huzhu wallet change-password alice",
                "  huzhu wallet change-password alice --password-file old.txt --new-password-file new.txt"})
public final class WalletChangePassword implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KeystoreOptions keystoreOptions;
    @Mixin ScryptOption scrypt;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "ACCOUNT", description = "account name or address")
    String account;

    @Option(names = "--new-password-file", paramLabel = "FILE", description = "read the new password from FILE")
    Path newPasswordFile;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        Keystore keystore = keystoreOptions.keystore(session);
        KeystoreEntry e = keystore.find(account);
        PasswordSource passwords = keystoreOptions.passwords(session);
        String old = passwords.existing(keystoreOptions.passwordFile(), "'" + e.name() + "'");
        keystore.unlock(e, old); // wrong password fails here, before asking for the new one
        String fresh = passwords.fresh(newPasswordFile, PasswordSource.ENV_NEW, "'" + e.name() + "'");
        keystore.changePassword(e, old, fresh, scrypt.strength(session));
        WalletPrint.entry(spec.commandLine().getOut(), json.json, "re-encrypted", e);
        return ExitCodes.OK;
    }
}
