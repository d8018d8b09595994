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

/** {@code huzhu claim escalate}. */
@Command(name = "escalate", mixinStandardHelpOptions = true, description = "Send a claim the assessors did not decide in time to the jury (anyone, after the assessment window).",
        footer = {"", "Examples:", "  huzhu claim escalate 1 --plan 0 --account anyone", "  huzhu claim escalate 1 --plan 0 --yes --json"})
public final class ClaimEscalate implements Callable<Integer> {
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
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).escalate(id)), "escalate claim #" + id + " of plan " + p.plan());
            return ClaimOutcomes.disputed(p, id, sent, null, "escalated");
        });
    }
}
