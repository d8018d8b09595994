package dev.huzhu.cli.wallet;

import picocli.CommandLine.Command;

/** {@code huzhu wallet …}: the keystore. */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        description = "Manage accounts: Ethereum keystore V3 files (scrypt) in ~/.huzhu/keystore.",
        subcommands = {WalletNew.class, WalletImport.class, WalletList.class, WalletShow.class,
                WalletChangePassword.class, WalletRemove.class},
        footer = {"", "Passwords come from --password-file FILE, $HUZHU_PASSWORD, or a hidden prompt; never from an argument.",
                "", "Examples:", "  huzhu wallet new alice", "  huzhu wallet import bob --private-key-file key.txt",
                "  huzhu wallet list", "  huzhu wallet show alice --json"})
public final class WalletCommand {}
