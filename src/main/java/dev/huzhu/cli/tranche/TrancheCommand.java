package dev.huzhu.cli.tranche;

import picocli.CommandLine.Command;

/** {@code huzhu tranche …}: EDUCATION claims paid in tranches to an institution (docs/scenarios.md). */
@Command(name = "tranche", mixinStandardHelpOptions = true,
        description = "EDUCATION plans: a paid claim's tranches, one per term, released to the institution the claim names after the assessors approve a proof of enrolment.",
        subcommands = {TrancheShow.class, TrancheApprove.class, TrancheStop.class},
        footer = {"", "Examples:", "  huzhu tranche show 1 --plan 0",
                "  huzhu tranche approve 1 --plan 0 --proof enrolment-2027-spring.pdf --account assessor1",
                "  huzhu tranche stop 1 --plan 0 --account alice"})
public final class TrancheCommand {}
