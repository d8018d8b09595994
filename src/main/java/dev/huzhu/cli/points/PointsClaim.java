package dev.huzhu.cli.points;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code huzhu points claim --plan P}. */
@Command(name = "claim", mixinStandardHelpOptions = true, description = "Mint the points you accrued in a plan as AidPoints.",
        footer = {"", "Examples:", "  huzhu points claim --plan 0 --account alice", "  huzhu points claim --plan 0 --yes --json"})
public final class PointsClaim implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).claimPoints()), "mint your points of plan " + p.plan());
            BigInteger amount = p.chain().events(sent).stream().filter(e -> e.name().equals("PointsClaimed")).findFirst()
                    .map(e -> e.number("amount")).orElse(BigInteger.ZERO);
            return new PlanTx.Outcome("minted " + amount + " points; " + TxFlow.line(sent),
                    Json.object("points", amount.longValue(), "tx", TxFlow.json(sent)));
        });
    }
}
