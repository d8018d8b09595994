package dev.huzhu.cli.claim;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code huzhu claim appeal}. */
@Command(name = "appeal", mixinStandardHelpOptions = true, description = "The claimant appeals a rejection to the jury during the notice window, once (posts the appeal bond).",
        footer = {"", "Examples:", "  huzhu claim appeal 1 --plan 0 --account alice", "  huzhu claim appeal 1 --plan 0 --yes --json"})
public final class ClaimAppeal extends ClaimTx {
    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            String data = PlanAction.data(p.pool(flow.from()).appeal(id));
            SentTransaction approval = p.ensureAllowance(flow, p.rules().challengeBond, data);
            SentTransaction sent = flow.send(p.plan(), data, "appeal claim #" + id + " of plan " + p.plan());
            return ClaimOutcomes.disputed(p, id, sent, approval, "appealed");
        });
    }
}
