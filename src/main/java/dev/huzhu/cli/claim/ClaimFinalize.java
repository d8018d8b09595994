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

/** {@code huzhu claim finalize}. */
@Command(name = "finalize", mixinStandardHelpOptions = true, description = "Close a claim whose last window has passed (anyone): pays an approved claim, denies a rejected one, or applies the jury verdict.",
        footer = {"", "Examples:", "  huzhu claim finalize 1 --plan 0 --account anyone", "  huzhu claim finalize 1 --plan 0 --yes --json"})
public final class ClaimFinalize implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PlanOption plan;
    @Mixin NetworkOptions network;
    @Mixin AccountOptions account;
    @Mixin TxOptions tx;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "CLAIM", description = "claim id")
    String claim;

    @Override
    public Integer call() {
        BigInteger id = ClaimId.parse(claim);
        return PlanTx.run(spec, network, plan.plan, account, tx, json, (p, flow) -> {
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
