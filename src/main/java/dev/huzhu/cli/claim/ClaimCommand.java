package dev.huzhu.cli.claim;

import picocli.CommandLine.Command;

/** {@code huzhu claim …}: the claim lifecycle (docs/claims.md). */
@Command(name = "claim", mixinStandardHelpOptions = true,
        description = "Submit, assess, dispute and finalize claims (理赔): SUBMITTED → APPROVED/REJECTED → notice → (DISPUTED → jury) → PAID/DENIED.",
        subcommands = {ClaimSubmit.class, ClaimShow.class, ClaimList.class, ClaimVote.class, ClaimChallenge.class, ClaimAppeal.class,
                ClaimEscalate.class, JuryCommand.class, ClaimFinalize.class, ClaimEvidence.class, ClaimAddEvidence.class,
                ClaimGrant.class, ClaimRevoke.class},
        footer = {"", "Examples:", "  huzhu claim submit --plan 0 --amount 250 --evidence invoice.pdf --account alice",
                "  huzhu claim vote 1 approve --plan 0 --account assessor1", "  huzhu claim finalize 1 --plan 0 --account anyone",
                "  huzhu claim list --plan 0"})
public final class ClaimCommand {}
