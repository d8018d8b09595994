package dev.huzhu.cli.kyc;

import picocli.CommandLine.Command;

/** {@code huzhu kyc …}: identity attestations disclosed only by consent (docs/privacy.md). */
@Command(name = "kyc", mixinStandardHelpOptions = true,
        description = "Identity attestations (KYC) for plans whose rules require them: an attestor signs (EIP-712) who an account is; "
                + "the member adds the signed file to a claim as encrypted evidence, so only its ciphertext's hash is on chain and only granted readers see it.",
        subcommands = {KycAttest.class, KycVerify.class},
        footer = {"", "Examples:", "  huzhu kyc attest --subject alice --name 'Wang Xiaoming' --document G12345678 --country CN --out kyc.json --account attestor",
                "  huzhu claim add-evidence 1 --plan 0 --evidence kyc.json --account alice", "  huzhu kyc verify kyc.json --attestor 0x…"})
public final class KycCommand {}
