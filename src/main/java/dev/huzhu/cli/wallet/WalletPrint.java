package dev.huzhu.cli.wallet;

import dev.huzhu.cli.output.Json;
import dev.huzhu.wallet.KeystoreEntry;
import java.io.PrintWriter;

/** The one-account output shared by new, import and change-password. */
final class WalletPrint {
    private WalletPrint() {}

    static void entry(PrintWriter out, boolean json, String verb, KeystoreEntry e) {
        if (json) {
            Json.print(out, Json.object("name", e.name(), "address", e.address(), "file", e.file().toString()));
        } else {
            out.printf("%s account %s %s (%s)%n", verb, e.name(), e.address(), e.file());
            out.flush();
        }
    }
}
