package dev.huzhu.cli.wallet;

import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.wallet.Keystore;
import dev.huzhu.wallet.KeystoreEntry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu wallet show NAME|ADDRESS}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one account: address, file and scrypt cost (no password needed).",
        footer = {"", "Examples:", "  huzhu wallet show alice", "  huzhu wallet show 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --json"})
public final class WalletShow implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KeystoreOptions keystoreOptions;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "ACCOUNT", description = "account name or address")
    String account;

    @Override
    public Integer call() {
        Keystore keystore = keystoreOptions.keystore(Session.of(spec));
        KeystoreEntry e = keystore.find(account);
        int[] scrypt = keystore.scryptParams(e);
        PrintWriter out = spec.commandLine().getOut();
        if (json.json) {
            Json.print(out, Json.object("name", e.name(), "address", e.address(), "file", e.file().toString(),
                    "scrypt", Json.object("n", scrypt[0], "p", scrypt[1])));
        } else {
            out.printf("name     %s%naddress  %s%nfile     %s%nscrypt   n=%d p=%d%n", e.name(), e.address(), e.file(), scrypt[0], scrypt[1]);
        }
        return ExitCodes.OK;
    }
}
