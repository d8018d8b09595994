package dev.huzhu.cli.claim;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code huzhu claim challenge}. */
@Command(name = "challenge", mixinStandardHelpOptions = true, description = "Challenge an approved claim during its public notice window (active members; posts the challenge bond); the jury decides.",
        footer = {"", "Examples:", "  huzhu claim challenge 1 --plan 0 --account carol", "  huzhu claim challenge 1 --plan 0 --yes --json"})
public final class ClaimChallenge extends ClaimTx {
    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            String data = PlanAction.data(p.pool(flow.from()).challenge(id));
            SentTransaction approval = p.ensureAllowance(flow, p.rules().challengeBond, data);
            SentTransaction sent = flow.send(p.plan(), data, "challenge claim #" + id + " of plan " + p.plan());
            return ClaimOutcomes.disputed(p, id, sent, approval, "challenged");
        });
    }
}
