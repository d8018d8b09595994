package dev.huzhu.cli.resident;

import java.util.Set;

/**
 * The commands the resident process may run: read-only ones that never prompt, never read standard input,
 * never unlock a keystore and never send a transaction. Everything else runs in a JVM of its own, so the
 * resident process never holds a key (docs/cli.md "The resident reader").
 */
public final class ResidentCommands {
    /** Command paths (first one or two arguments) that only read the chain, the keystore directory or the deployments. */
    static final Set<String> READ_ONLY = Set.of(
            "wallet list", "wallet show", "pool list", "pool show", "member status", "claim show", "claim list",
            "records", "points", "tranche show", "relief show", "group show", "tx status");
    private static final Set<String> TERMINAL_OPTIONS = Set.of("-h", "--help", "-V", "--version", "help");

    private ResidentCommands() {}

    /** Whether {@code args} run a read-only command (and no help, which follows the terminal's width). */
    public static boolean eligible(String[] args) {
        if (args.length == 0) {
            return false;
        }
        for (String a : args) {
            if (TERMINAL_OPTIONS.contains(a) || a.equals("-")) {
                return false; // help follows the terminal; "-" reads standard input
            }
        }
        return READ_ONLY.contains(args[0]) || args.length > 1 && READ_ONLY.contains(args[0] + " " + args[1]);
    }
}
