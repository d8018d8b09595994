package dev.huzhu.cli.tx;

import picocli.CommandLine.Command;

/** {@code huzhu tx …}: what became of a sent transaction. */
@Command(name = "tx", mixinStandardHelpOptions = true,
        description = "Transactions: check what became of one (after exit 8 or 9).",
        subcommands = {TxStatus.class},
        footer = {"", "Examples:", "  huzhu tx status 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"})
public final class TxCommand {}
