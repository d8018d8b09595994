package dev.huzhu.cli.claim;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code huzhu claim escalate}. */
@Command(name = "escalate", mixinStandardHelpOptions = true, description = "Send a claim the assessors did not decide in time to the jury (anyone, after the assessment window).",
        footer = {"", "Examples:", "  huzhu claim escalate 1 --plan 0 --account anyone", "  huzhu claim escalate 1 --plan 0 --yes --json"})
public final class ClaimEscalate extends ClaimTx {
    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).escalate(id)), "escalate claim #" + id + " of plan " + p.plan());
            return ClaimOutcomes.disputed(p, id, sent, null, "escalated");
        });
    }
}
