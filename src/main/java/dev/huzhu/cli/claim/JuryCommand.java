package dev.huzhu.cli.claim;

import picocli.CommandLine.Command;

/** {@code huzhu claim jury commit|reveal}. */
@Command(name = "jury", mixinStandardHelpOptions = true,
        description = "Jurors of a disputed claim vote in two steps: commit a hidden vote, then reveal it after the commit phase.",
        subcommands = {JuryCommit.class, JuryReveal.class},
        footer = {"", "Examples:", "  huzhu claim jury commit 1 approve --plan 0 --account dave", "  huzhu claim jury reveal 1 --plan 0 --account dave"})
public final class JuryCommand {}
