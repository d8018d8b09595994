package dev.huzhu.cli.member;

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

/** {@code huzhu member leave}. */
@Command(name = "leave", mixinStandardHelpOptions = true,
        description = "Leave the plan: what you owe is settled and your whole free balance is refunded.",
        footer = {"", "Examples:", "  huzhu member leave --plan 0 --account alice", "  huzhu member leave --plan 0 --yes --json"})
public final class MemberLeave implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).leave()), "leave plan " + p.plan());
            BigInteger refunded = p.chain().events(sent).stream().filter(e -> e.name().equals("MemberLeft")).findFirst()
                    .map(e -> e.number("refunded")).orElse(BigInteger.ZERO);
            return new PlanTx.Outcome("left plan " + p.plan() + "; refunded " + p.token().format(refunded) + "; " + TxFlow.line(sent),
                    Json.object("refunded", p.token().format(refunded).split(" ")[0], "tx", TxFlow.json(sent)));
        });
    }
}
