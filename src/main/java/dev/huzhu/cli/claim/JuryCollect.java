package dev.huzhu.cli.claim;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.math.BigInteger;
import picocli.CommandLine.Command;

/** {@code huzhu claim jury collect CLAIM}: a juror who revealed collects their deposit and reward (collectJuryReward). */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "After your jury round is over, collect your juror deposit back and your share of the losing side's bond "
                + "(when you voted with the verdict's majority); both are credited to your free balance in the plan (withdraw them with member withdraw).",
        footer = {"", "Examples:", "  huzhu claim jury collect 1 --plan 0 --account dave", "  huzhu claim jury collect 1 --plan 0 --yes --json"})
public final class JuryCollect extends ClaimTx {
    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).collectJuryReward(id)),
                    "collect your juror deposit and reward for claim #" + id + " of plan " + p.plan());
            ChainEvent rewarded = p.chain().events(sent).stream().filter(e -> e.name().equals("JurorRewarded")).findFirst().orElse(null);
            BigInteger deposit = rewarded == null ? BigInteger.ZERO : rewarded.number("deposit");
            BigInteger reward = rewarded == null ? BigInteger.ZERO : rewarded.number("reward");
            return new PlanTx.Outcome("collected " + p.token().format(deposit) + " deposit and " + p.token().format(reward)
                    + " reward for claim #" + id + ", credited to your free balance; " + TxFlow.line(sent),
                    Json.object("claimId", id.longValue(), "deposit", ClaimView.units(p, deposit), "reward", ClaimView.units(p, reward),
                            "tx", TxFlow.json(sent)));
        });
    }
}
