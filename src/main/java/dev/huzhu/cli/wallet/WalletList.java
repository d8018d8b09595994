package dev.huzhu.cli.wallet;

import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.output.TextTable;
import dev.huzhu.wallet.Keystore;
import dev.huzhu.wallet.KeystoreEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code huzhu wallet list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts (no password needed).",
        footer = {"", "Examples:", "  huzhu wallet list", "  huzhu wallet list --json"})
public final class WalletList implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KeystoreOptions keystoreOptions;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        Keystore keystore = keystoreOptions.keystore(Session.of(spec));
        List<KeystoreEntry> entries = keystore.list();
        PrintWriter out = spec.commandLine().getOut();
        if (json.json) {
            Json.print(out, Json.object("keystore", keystore.dir().toString(), "accounts", entries.stream()
                    .map(e -> e.broken() ? Json.object("name", e.name(), "address", null, "file", e.file().toString(), "broken", e.problem())
                            : Json.object("name", e.name(), "address", e.address(), "file", e.file().toString())).toList()));
            return ExitCodes.OK;
        }
        if (entries.isEmpty()) {
            out.println("no accounts in " + keystore.dir() + " (create one with `huzhu wallet new NAME`)");
            return ExitCodes.OK;
        }
        TextTable t = new TextTable("NAME", "ADDRESS");
        entries.forEach(e -> t.row(e.name(), e.broken() ? "BROKEN: " + e.file().getFileName() + " " + e.problem() : e.address()));
        t.print(out);
        return ExitCodes.OK;
    }
}
