package dev.huzhu.cli.tranche;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.claim.ClaimId;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.TrancheEscrow;
import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huzhu tranche approve CLAIM --proof FILE}: an assessor approves the current term's proof of enrolment. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "As one of the plan's assessors, approve the proof of enrolment for a paid EDUCATION claim's current term (only its keccak-256 hash goes on chain). When the quorum approved the same proof, the term's tranche is credited to the institution.",
        footer = {"", "Examples:", "  huzhu tranche approve 1 --plan 0 --proof enrolment-2027-spring.pdf --account assessor1",
                "  huzhu tranche approve 1 --plan 0 --proof enrolment-2027-spring.pdf --account assessor2 --yes --json"})
public final class TrancheApprove implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Parameters(index = "0", paramLabel = "CLAIM", description = "claim id (3 or #3)", converter = ClaimId.class)
    BigInteger id;

    @Option(names = "--proof", required = true, paramLabel = "FILE", description = "the proof-of-enrolment document (hashed locally)")
    Path proof;

    @Override
    public Integer call() {
        byte[] proofHash;
        try {
            proofHash = Hash.sha3(Files.readAllBytes(proof));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("proof file " + proof + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read proof file " + proof + ": " + e.getMessage());
        }
        return plan.run((p, flow) -> {
            TrancheEscrow escrow = PlanEscrow.of(p, flow.from());
            SentTransaction sent = flow.send(escrow.getContractAddress(), PlanAction.data(escrow.approveEnrolment(p.plan(), id, proofHash)),
                    "approve the proof of enrolment " + Numeric.toHexString(proofHash) + " for claim #" + id + " of plan " + p.plan());
            List<ChainEvent> events = p.chain().events(sent);
            ChainEvent vote = events.stream().filter(e -> e.name().equals("EnrolmentApproved")).findFirst().orElseThrow();
            ChainEvent released = events.stream().filter(e -> e.name().equals("TrancheReleased")).findFirst().orElse(null);
            long term = vote.number("term").longValue() + 1;
            String text = released == null
                    ? "approved term " + term + " of claim #" + id + " (" + vote.number("approvals") + " of " + p.rules().quorum + " approvals); " + TxFlow.line(sent)
                    : "term " + term + " of claim #" + id + " released: " + p.token().format(released.number("amount")) + " credited to "
                            + released.address("institution") + "; " + TxFlow.line(sent);
            return new PlanTx.Outcome(text, Json.object("claimId", id.longValue(), "term", term, "proofHash", Numeric.toHexString(proofHash),
                    "approvals", vote.number("approvals").longValue(), "released", released != null,
                    "amount", released == null ? null : p.token().format(released.number("amount")).split(" ")[0],
                    "institution", released == null ? null : released.address("institution"), "tx", TxFlow.json(sent)));
        });
    }
}
