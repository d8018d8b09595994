package dev.huzhu.cli.claim;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code huzhu claim vote}. */
@Command(name = "vote", mixinStandardHelpOptions = true, description = "An assessor approves or rejects a submitted claim, within the assessment window.",
        footer = {"", "Examples:", "  huzhu claim vote 1 approve --plan 0 --account assessor1", "  huzhu claim vote 1 reject --plan 0 --account assessor2 --yes --json"})
public final class ClaimVote extends ClaimTx {
    @Parameters(index = "1", paramLabel = "DECISION", description = "approve or reject", converter = Decision.Converter.class)
    Decision decision;

    @Override
    public Integer call() {
        boolean approve = decision.approve();
        return plan.run((p, flow) -> {
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).vote(id, approve)),
                    (approve ? "approve" : "reject") + " claim #" + id + " of plan " + p.plan());
            List<ChainEvent> events = p.chain().events(sent);
            String outcome = events.stream().anyMatch(e -> e.name().equals("ClaimApproved")) ? "approved"
                    : events.stream().anyMatch(e -> e.name().equals("ClaimRejected")) ? "rejected" : "submitted";
            String notice = events.stream().filter(e -> e.fields().containsKey("noticeEndsAt")).findFirst()
                    .map(e -> "; public notice until " + Timestamps.format(e.number("noticeEndsAt").longValue())).orElse("");
            return new PlanTx.Outcome("voted " + (approve ? "approve" : "reject") + " on claim #" + id + "; claim is " + outcome + notice + "; " + TxFlow.line(sent),
                    Json.object("claimId", id.longValue(), "approve", approve, "claimStatus", outcome, "tx", TxFlow.json(sent)));
        });
    }
}
