package dev.huzhu.cli.kyc;

import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.output.Json;
import dev.huzhu.privacy.KycAttestation;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu kyc verify FILE}: who signed an attestation, for whom; offline. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a signed identity attestation (e.g. one decrypted with `claim evidence`): recovers its attestor from the EIP-712 signature; "
                + "with --attestor, refuses any other signer (exit 2). Offline.",
        footer = {"", "Examples:", "  huzhu kyc verify kyc.json --attestor 0x90F79bf6EB2c4f870365E785982E1f101E93b906"})
public final class KycVerify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "FILE", description = "the signed attestation")
    Path file;

    @Option(names = "--attestor", paramLabel = "ADDRESS", description = "the attestor the plan's rules trust")
    String attestor;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
        KycAttestation.Signed s = KycAttestation.read(bytes);
        String signer = s.attestor();
        if (attestor != null && !Address.parse(attestor, "--attestor").checksummed().equals(signer)) {
            throw new InvalidInputException("the attestation of " + s.attestation().subject() + " is signed by " + signer + ", not by " + attestor);
        }
        if (json.json) {
            Json.print(spec.commandLine().getOut(), Json.object("subject", Address.checksum(s.attestation().subject()), "attestor", signer,
                    "chainId", s.attestation().chainId(), "issuedAt", s.attestation().issuedAt()));
        } else {
            spec.commandLine().getOut().println("attestation of " + Address.checksum(s.attestation().subject()) + " signed by " + signer
                    + " (chain " + s.attestation().chainId() + ")");
        }
        return ExitCodes.OK;
    }
}
