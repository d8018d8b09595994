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

/** {@code huzhu claim finalize}. */
@Command(name = "finalize", mixinStandardHelpOptions = true, description = "Close a claim whose last window has passed (anyone): pays an approved claim, denies a rejected one, or applies the jury verdict.",
        footer = {"", "Examples:", "  huzhu claim finalize 1 --plan 0 --account anyone", "  huzhu claim finalize 1 --plan 0 --yes --json"})
public final class ClaimFinalize extends ClaimTx {
    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).finalize(id)), "finalize claim #" + id + " of plan " + p.plan());
            List<ChainEvent> events = p.chain().events(sent);
            ChainEvent paid = events.stream().filter(e -> e.name().equals("ClaimPaid")).findFirst().orElse(null);
            if (paid != null) {
                return new PlanTx.Outcome("claim #" + id + " paid: " + p.token().format(paid.number("amount")) + " to " + paid.address("claimant") + "; " + TxFlow.line(sent),
                        Json.object("claimId", id.longValue(), "outcome", "paid", "claimant", paid.address("claimant"),
                                "amount", p.token().format(paid.number("amount")).split(" ")[0], "tx", TxFlow.json(sent)));
            }
            return new PlanTx.Outcome("claim #" + id + " denied; " + TxFlow.line(sent),
                    Json.object("claimId", id.longValue(), "outcome", "denied", "tx", TxFlow.json(sent)));
        });
    }
}
