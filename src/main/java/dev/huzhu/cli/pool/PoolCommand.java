package dev.huzhu.cli.pool;

import picocli.CommandLine.Command;

/** {@code huzhu pool …}: plans (互助计划). */
@Command(name = "pool", mixinStandardHelpOptions = true, description = "Create, list, show and compare plans (互助计划).",
        subcommands = {PoolCreate.class, PoolList.class, PoolShow.class, PoolCompare.class, PoolClose.class, PoolWindDown.class},
        footer = {"", "Examples:", "  huzhu pool list", "  huzhu pool show 0", "  huzhu pool compare --category medical",
                "  huzhu pool create --category medical --contribution 10 --max-payout 1000 --assessor 0x… --account operator"})
public final class PoolCommand {}
