package dev.huzhu.cli.member;

import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code huzhu member join}. */
@Command(name = "join", mixinStandardHelpOptions = true, description = "Join the plan with a first deposit that covers at least one period (the plan is approved for it first if needed).",
        footer = {"", "Examples:", "  huzhu member join --plan 0 --amount 30 --account alice", "  huzhu member join --plan 0 --amount 30 --referrer 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --account bob --yes"})
public final class MemberJoin implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", converter = dev.huzhu.cli.options.TokenQuantity.Converter.class, description = "amount in token units, e.g. 12.5")
    dev.huzhu.cli.options.TokenQuantity amount;

    @Option(names = "--referrer", paramLabel = "ADDRESS|ACCOUNT", description = "the active member who referred you, by address or keystore account name (earns referral points)")
    String referrer;

    @Override
    public Integer call() {
        String ref = referrer == null ? "0x0000000000000000000000000000000000000000" : plan.addressOf(referrer, "--referrer");
        return plan.run((p, flow) -> {
            BigInteger units = p.token().parse(amount.text());
            String data = PlanAction.data(p.pool(flow.from()).join(units, ref));
            SentTransaction approval = p.ensureAllowance(flow, units, data);
            SentTransaction sent = flow.send(p.plan(), data,
                    "join plan " + p.plan() + " with " + p.token().format(units) + (referrer == null ? "" : ", referred by " + ref));
            return new PlanTx.Outcome("joined plan " + p.plan() + " with " + p.token().format(units) + "; " + TxFlow.line(sent),
                    Json.object("amount", p.token().format(units).split(" ")[0], "referrer", referrer == null ? null : ref,
                            "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
        });
    }
}
