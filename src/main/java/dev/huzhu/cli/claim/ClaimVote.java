package dev.huzhu.cli.claim;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.PlanOption;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu claim vote}. */
@Command(name = "vote", mixinStandardHelpOptions = true, description = "An assessor approves or rejects a submitted claim, within the assessment window.",
        footer = {"", "Examples:", "  huzhu claim vote 1 approve --plan 0 --account assessor1", "  huzhu claim vote 1 reject --plan 0 --account assessor2 --yes --json"})
public final class ClaimVote implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PlanOption plan;
    @Mixin NetworkOptions network;
    @Mixin AccountOptions account;
    @Mixin TxOptions tx;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "CLAIM", description = "claim id")
    String claim;

    @Parameters(index = "1", paramLabel = "DECISION", description = "approve or reject")
    String decision;

    @Override
    public Integer call() {
        BigInteger id = ClaimId.parse(claim);
        boolean approve = Decision.parse(decision);
        return PlanTx.run(spec, network, plan.plan, account, tx, json, (p, flow) -> {
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
