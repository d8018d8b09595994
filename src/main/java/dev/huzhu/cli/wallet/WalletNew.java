package dev.huzhu.cli.wallet;

import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.options.ScryptOption;
import dev.huzhu.cli.output.Json;
import dev.huzhu.wallet.AccountName;
import dev.huzhu.wallet.Keystore;
import dev.huzhu.wallet.KeystoreEntry;
import dev.huzhu.wallet.PasswordSource;
import dev.huzhu.wallet.PrivateKeys;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu wallet new NAME}. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create an account with a fresh random key.",
        footer = {"", "Examples:", "  huzhu wallet new alice", "  HUZHU_PASSWORD=… huzhu wallet new ci-bot --light --json"})
public final class WalletNew implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KeystoreOptions keystoreOptions;
    @Mixin ScryptOption scrypt;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "NAME", description = "account name (letters, digits, . _ -)")
    String name;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        AccountName.check(name);
        Keystore keystore = keystoreOptions.keystore(session);
        String password = keystoreOptions.passwords(session).fresh(keystoreOptions.passwordFile(), PasswordSource.ENV, "'" + name + "'");
        KeystoreEntry e = keystore.create(name, PrivateKeys.generate(), password, scrypt.strength(session));
        WalletPrint.entry(spec.commandLine().getOut(), json.json, "created", e);
        return ExitCodes.OK;
    }
}
