package dev.huzhu.cli.claim;

import dev.huzhu.chain.JuryBallotStore;
import dev.huzhu.protocol.NotFoundException;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code huzhu claim jury reveal CLAIM}. */
@Command(name = "reveal", mixinStandardHelpOptions = true,
        description = "Reveal your committed jury vote (after the commit phase, before the reveal phase ends), from the ballot kept by `jury commit`.",
        footer = {"", "Examples:", "  huzhu claim jury reveal 1 --plan 0 --account dave", "  huzhu claim jury reveal 1 --plan 0 --yes --json"})
public final class JuryReveal extends ClaimTx {
    @Spec CommandSpec spec;
    @Override
    public Integer call() {
        JuryBallotStore store = new JuryBallotStore(Session.of(spec).userDir().resolve("jury"));
        return plan.run((p, flow) -> {
            long chainId = p.chain().chainId();
            JuryBallotStore.Ballot ballot = store.load(chainId, p.plan(), id.longValue(), flow.from()).orElseThrow(() -> new NotFoundException(
                    "no committed ballot of " + flow.from() + " for claim #" + id + " (expected " + store.file(chainId, p.plan(), id.longValue(), flow.from()) + ")"));
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).revealVote(id, ballot.approve(), ballot.salt())),
                    "reveal your jury vote (" + (ballot.approve() ? "approve" : "reject") + ") on claim #" + id + " of plan " + p.plan());
            store.delete(chainId, p.plan(), id.longValue(), flow.from());
            return new PlanTx.Outcome("revealed your vote (" + (ballot.approve() ? "approve" : "reject") + ") on claim #" + id + "; " + TxFlow.line(sent),
                    Json.object("claimId", id.longValue(), "approve", ballot.approve(), "tx", TxFlow.json(sent)));
        });
    }
}
