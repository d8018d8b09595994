package dev.huzhu.cli.claim;

import picocli.CommandLine.Command;

/** {@code huzhu claim jury commit|reveal|collect}. */
@Command(name = "jury", mixinStandardHelpOptions = true,
        description = "Jurors of a disputed claim vote in two steps: commit a hidden vote, then reveal it after the commit phase; once the round is over, collect the deposit and reward.",
        subcommands = {JuryCommit.class, JuryReveal.class, JuryCollect.class},
        footer = {"", "Examples:", "  huzhu claim jury commit 1 approve --plan 0 --account dave", "  huzhu claim jury reveal 1 --plan 0 --account dave"})
public final class JuryCommand {}
