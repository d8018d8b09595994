package dev.huzhu.cli.wallet;

import dev.huzhu.cli.Confirmation;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.wallet.Keystore;
import dev.huzhu.wallet.KeystoreEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu wallet remove NAME}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove an account from the keystore: its file moves to removed/ inside the keystore (delete it yourself once sure).",
        footer = {"", "Examples:", "  huzhu wallet remove old-bot", "  huzhu wallet remove old-bot --yes"})
public final class WalletRemove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KeystoreOptions keystoreOptions;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "ACCOUNT", description = "account name or address")
    String account;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        Keystore keystore = keystoreOptions.keystore(session);
        KeystoreEntry e = keystore.find(account, true);
        String what = e.broken() ? "(broken: " + e.problem() + ")" : e.address();
        Confirmation.require(session, spec.commandLine().getErr(), "remove account " + e.name() + " " + what + "?", yes);
        Path moved = keystore.remove(e);
        PrintWriter out = spec.commandLine().getOut();
        if (json.json) {
            Json.print(out, Json.object("name", e.name(), "address", e.address(), "movedTo", moved.toString()));
        } else {
            org.slf4j.LoggerFactory.getLogger(WalletRemove.class).info("removed account {} {} (file moved to {})", e.name(), what, moved);
            out.printf("removed account %s %s (file moved to %s)%n", e.name(), what, moved);
        }
        return ExitCodes.OK;
    }
}
