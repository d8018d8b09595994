package dev.huzhu.cli.wallet;

import dev.huzhu.cli.output.Json;
import dev.huzhu.wallet.KeystoreEntry;
import java.io.PrintWriter;

/** The one-account output shared by new, import and change-password; the change is also a line in the log (never a secret). */
final class WalletPrint {
    private WalletPrint() {}

    static void entry(PrintWriter out, boolean json, String verb, KeystoreEntry e) {
        org.slf4j.LoggerFactory.getLogger(WalletPrint.class).info("{} account {} {} ({})", verb, e.name(), e.address(), e.file());
        if (json) {
            Json.print(out, Json.object("name", e.name(), "address", e.address(), "file", e.file().toString()));
        } else {
            out.printf("%s account %s %s (%s)%n", verb, e.name(), e.address(), e.file());
            out.flush();
        }
    }
}
