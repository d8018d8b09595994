package dev.huzhu.cli.claim;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.tranche.PlanEscrow;
import dev.huzhu.contracts.TrancheEscrow;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code huzhu claim submit}. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit a claim: only the keccak-256 hash of the evidence file goes on chain, never the file. Posts the claim bond.",
        footer = {"", "Examples:", "  huzhu claim submit --plan 0 --amount 250 --evidence invoice.pdf --account alice",
                "  huzhu claim submit --plan 0 --amount 99.99 --evidence scan.jpg --incurred-at 2027-01-03 --yes --json",
                "  huzhu claim submit --plan 1 --amount 3000 --evidence offer-letter.pdf --institution 0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc --account bob"})
public final class ClaimSubmit implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", converter = dev.huzhu.cli.options.TokenQuantity.Converter.class, description = "amount claimed, in token units")
    dev.huzhu.cli.options.TokenQuantity amount;

    @Option(names = "--evidence", required = true, paramLabel = "FILE", description = "the evidence document (hashed locally)")
    Path evidence;

    @Option(names = "--institution", paramLabel = "ADDRESS|ACCOUNT",
            description = "EDUCATION plans (required there): the school the claim is paid to in tranches, named before the assessors vote")
    String institution;

    @Option(names = "--incurred-at", paramLabel = "WHEN", description = "when the loss happened (UTC date, ISO-8601 or Unix seconds; default: now)")
    String incurredAt;

    @Override
    public Integer call() {
        byte[] evidenceHash;
        try {
            evidenceHash = Hash.sha3(Files.readAllBytes(evidence));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("evidence file " + evidence + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read evidence file " + evidence + ": " + e.getMessage());
        }
        Long when = incurredAt == null ? null : Timestamps.parse(incurredAt, "--incurred-at");
        return plan.run((p, flow) -> {
            boolean education = PlanEscrow.education(p);
            if (education && institution == null) {
                throw new InvalidInputException("plan " + p.plan() + " is an EDUCATION plan: name the school the claim is paid to with --institution ADDRESS|ACCOUNT");
            }
            if (!education && institution != null) {
                throw new InvalidInputException("--institution is for EDUCATION plans; plan " + p.plan() + " pays claims to the member");
            }
            String school = institution == null ? null : plan.addressOf(institution, "--institution");
            if (school != null && school.equalsIgnoreCase(flow.from())) {
                throw new InvalidInputException("--institution must be the school, not the claimant " + flow.from());
            }
            BigInteger units = p.token().parse(amount.text());
            long at = when != null ? when : latestTimestamp(p);
            String data = PlanAction.data(p.pool(flow.from()).submitClaim(units, evidenceHash, BigInteger.valueOf(at)));
            SentTransaction approval = p.ensureAllowance(flow, p.rules().claimBond, data);
            SentTransaction sent = flow.send(p.plan(), data,
                    "submit a claim for " + p.token().format(units) + " to plan " + p.plan() + " (evidence " + Numeric.toHexString(evidenceHash) + ")");
            ChainEvent e = p.chain().events(sent).stream().filter(x -> x.name().equals("ClaimSubmitted")).findFirst().orElseThrow();
            SentTransaction named = null;
            String schedule = "";
            if (school != null) {
                TrancheEscrow escrow = PlanEscrow.of(p, flow.from());
                named = flow.send(escrow.getContractAddress(), PlanAction.data(escrow.nameInstitution(p.plan(), e.number("claimId"), school)),
                        "name " + school + " as the institution of claim #" + e.number("claimId"));
                ChainEvent n = p.chain().events(named).stream().filter(x -> x.name().equals("InstitutionNamed")).findFirst().orElseThrow();
                schedule = "; paid to " + school + " in " + dev.huzhu.cli.output.Words.count(n.number("tranches").intValue(), "tranche") + ", one per term";
            }
            return new PlanTx.Outcome("submitted claim #" + e.number("claimId") + " for " + p.token().format(units) + schedule
                    + "; assessors decide by " + Timestamps.format(e.number("assessmentEndsAt").longValue()) + "; " + TxFlow.line(sent),
                    Json.object("claimId", e.number("claimId").longValue(), "amount", p.token().format(units).split(" ")[0],
                            "evidenceHash", Numeric.toHexString(evidenceHash), "incurredAt", at,
                            "assessmentEndsAt", e.number("assessmentEndsAt").longValue(),
                            "institution", school, "institutionTx", named == null ? null : TxFlow.json(named),
                            "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
        });
    }

    private static long latestTimestamp(PlanAction p) {
        try {
            return p.chain().web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValueExact();
        } catch (IOException e) {
            throw new dev.huzhu.chain.NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }
}
