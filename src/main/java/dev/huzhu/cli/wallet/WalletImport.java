package dev.huzhu.cli.wallet;

import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.options.ScryptOption;
import dev.huzhu.wallet.AccountName;
import dev.huzhu.wallet.KeystoreEntry;
import dev.huzhu.wallet.PasswordSource;
import dev.huzhu.wallet.PrivateKeys;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu wallet import NAME --private-key-file FILE|- | --keystore FILE}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a private key (from a file or standard input, never an argument) or an existing keystore V3 file.",
        footer = {"", "Examples:", "  huzhu wallet import bob --private-key-file key.txt",
                "  pass show eth/bob | huzhu wallet import bob --private-key-file -",
                "  huzhu wallet import carol --keystore ~/.ethereum/keystore/UTC--2026-…"})
public final class WalletImport implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KeystoreOptions keystoreOptions;
    @Mixin ScryptOption scrypt;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "NAME", description = "account name (letters, digits, . _ -)")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--private-key-file", paramLabel = "FILE|-", required = true,
                description = "file holding the hex private key, or - for standard input")
        String keyFile;

        @Option(names = "--keystore", paramLabel = "FILE", required = true,
                description = "an existing keystore V3 file (geth, web3j, Foundry); copied as is after its password is checked")
        Path keystoreFile;
    }

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        AccountName.check(name);
        var keystore = keystoreOptions.keystore(session);
        var passwords = keystoreOptions.passwords(session);
        KeystoreEntry e;
        if (source.keystoreFile != null) {
            e = keystore.importFile(name, source.keystoreFile, passwords.existing(keystoreOptions.passwordFile(), source.keystoreFile.toString()));
        } else {
            var pair = PrivateKeys.read(source.keyFile, session.stdin());
            String password = passwords.fresh(keystoreOptions.passwordFile(), PasswordSource.ENV, "'" + name + "'");
            e = keystore.create(name, pair, password, scrypt.strength(session));
        }
        WalletPrint.entry(spec.commandLine().getOut(), json.json, "imported", e);
        return ExitCodes.OK;
    }
}
