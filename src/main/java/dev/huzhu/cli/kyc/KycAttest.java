package dev.huzhu.cli.kyc;

import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.privacy.KycAttestation;
import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code huzhu kyc attest}: an attestor signs an identity attestation into a file; nothing is sent. */
@Command(name = "attest", mixinStandardHelpOptions = true,
        description = "As an attestor, sign (EIP-712, bound to this chain) who an account is, into a file for its owner. Nothing goes on chain; "
                + "the owner discloses it only as encrypted claim evidence (claim add-evidence), to the readers they grant.",
        footer = {"", "Examples:", "  huzhu kyc attest --subject alice --name 'Wang Xiaoming' --document G12345678 --country CN --out kyc.json --account attestor"})
public final class KycAttest implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin AccountOptions account;
    @Mixin TxOptions tx;
    @Mixin JsonOption json;

    @Option(names = "--subject", required = true, paramLabel = "ADDRESS|ACCOUNT", description = "whose identity is attested")
    String subject;
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "full legal name")
    String name;
    @Option(names = "--document", required = true, paramLabel = "ID", description = "identity document number")
    String document;
    @Option(names = "--country", required = true, paramLabel = "CC", description = "issuing country (ISO 3166 alpha-2)")
    String country;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the signed attestation (never overwritten)")
    Path out;

    @Override
    public Integer call() {
        if (!country.matches("[A-Z]{2}")) {
            throw new InvalidInputException("--country must be two capital letters (ISO 3166 alpha-2), got '" + country + "'");
        }
        if (name.isBlank() || document.isBlank()) {
            throw new InvalidInputException("--name and --document must not be empty");
        }
        if (Files.exists(out)) {
            throw new InvalidInputException(out + " already exists: choose another --out");
        }
        Session session = Session.of(spec);
        String who = account.addressOf(session, subject, "--subject");
        try (ChainContext chain = ChainContext.open(session, network)) {
            TxFlow flow = new TxFlow(session, chain, account, tx, spec.commandLine().getErr());
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            KycAttestation a = new KycAttestation(chain.chainId(), who, name, document, country, System.currentTimeMillis() / 1000,
                    "0x" + HexFormat.of().formatHex(salt));
            String signature = flow.typedDataSigner().signTypedData(a.typedDataJson());
            try {
                Files.writeString(out, a.signedJson(signature, flow.from()), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            } catch (IOException e) {
                throw new InvalidInputException("cannot write " + out + ": " + e.getMessage());
            }
            String digest = "0x" + HexFormat.of().formatHex(a.digest());
            if (json.json) {
                Json.print(spec.commandLine().getOut(), Json.object("subject", who, "attestor", flow.from(), "digest", digest, "file", out.toString()));
            } else {
                spec.commandLine().getOut().println("signed the identity attestation of " + who + " into " + out + " (EIP-712 digest " + digest
                        + "); its owner adds it to a claim with `huzhu claim add-evidence --evidence " + out + "`");
            }
            return ExitCodes.OK;
        }
    }
}
