package dev.huzhu.cli.oracle;

import picocli.CommandLine.Command;

/** {@code huzhu oracle …}: what the oracle of a parametric disaster plan does. */
@Command(name = "oracle", mixinStandardHelpOptions = true,
        description = "The oracle of a parametric disaster plan: sign (and post) attestations of disasters (docs/scenarios.md).",
        subcommands = {OracleAttest.class},
        footer = {"", "Examples:", "  huzhu oracle attest 0x5FbDB2315678afecb367f032d93F642f64180aa3 --event 7 --region 4401 --severity 5 --account oracle",
                "  huzhu oracle attest PLAN --event 7 --region 4401 --severity 5 --post --account oracle --yes --json"})
public final class OracleCommand {}
