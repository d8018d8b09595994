package dev.huzhu.cli.claim;

import dev.huzhu.chain.Calls;
import dev.huzhu.chain.JuryBallotStore;
import dev.huzhu.chain.RegistryHolders;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu claim jury commit CLAIM approve|reject}. */
@Command(name = "commit", mixinStandardHelpOptions = true,
        description = "Commit a hidden jury vote as a drawn juror (draws the panel first if nobody has; posts the juror deposit). A random salt is kept in ~/.huzhu/jury/ until `jury reveal` (keep it: without it the vote cannot be revealed).",
        footer = {"", "Examples:", "  huzhu claim jury commit 1 approve --plan 0 --account dave", "  huzhu claim jury commit 1 reject --plan 0 --yes --json"})
public final class JuryCommit extends ClaimTx {
    @Spec CommandSpec spec;
    @Parameters(index = "1", paramLabel = "DECISION", description = "approve or reject", converter = Decision.Converter.class)
    Decision decision;

    @Override
    public Integer call() {
        boolean approve = decision.approve();
        JuryBallotStore store = new JuryBallotStore(Session.of(spec).userDir().resolve("jury"));
        return plan.run((p, flow) -> {
            // the panel is drawn once, by anyone, from the block after the dispute opened
            SentTransaction draw = null;
            if (!Calls.get(p.pool(null).juryOf(id)).component4()) {
                List<String> holders = RegistryHolders.forDraw(p.chain().web3j(), p.pool(null), p.plan(), id);
                draw = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).drawJury(id, holders)), "draw the jury of claim #" + id + " of plan " + p.plan());
            }
            byte[] salt = JuryBallotStore.randomSalt();
            byte[] commitment = Calls.get(p.pool(null).commitmentOf(id, flow.from(), approve, salt));
            long chainId = p.chain().chainId();
            // kept before sending: a crash after broadcasting must not lose the salt
            Path file = store.save(chainId, p.plan(), id.longValue(), flow.from(), new JuryBallotStore.Ballot(approve, salt));
            SentTransaction sent;
            try {
                String data = PlanAction.data(p.pool(flow.from()).commitVote(id, commitment));
                p.ensureAllowance(flow, p.rules().jurorDeposit, data); // the juror deposit
                sent = flow.send(p.plan(), data, "commit a hidden jury vote on claim #" + id + " of plan " + p.plan());
            } catch (RuntimeException e) {
                store.delete(chainId, p.plan(), id.longValue(), flow.from());
                throw e;
            }
            String drew = draw == null ? "" : "drew the jury (" + TxFlow.line(draw) + "); ";
            return new PlanTx.Outcome(drew + "committed a hidden vote on claim #" + id + " (ballot kept in " + file + "); reveal it after the commit phase; " + TxFlow.line(sent),
                    Json.object("claimId", id.longValue(), "ballotFile", file.toString(), "tx", TxFlow.json(sent)));
        });
    }
}
