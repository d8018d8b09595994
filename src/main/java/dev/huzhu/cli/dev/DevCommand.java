package dev.huzhu.cli.dev;

import picocli.CommandLine.Command;

/** {@code huzhu dev …}: what a local chain lets anyone do (fund an account, move time). */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Local chain tools: fund an account with ETH and MockUSD, move time forward, list the accounts (local chains only).",
        subcommands = {DevFund.class, DevTime.class, DevAccountsCommand.class},
        footer = {"", "Examples:", "  huzhu dev fund bob", "  huzhu dev fund 0x90F79bf6EB2c4f870365E785982E1f101E93b906 2500",
                "  huzhu dev time +30d", "  huzhu dev accounts"})
public final class DevCommand {}
