package dev.huzhu.cli.member;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.protocol.Address;
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

/** {@code huzhu member withdraw}. */
@Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Take money out of your free balance — deposits and everything "
        + "credited to you (payouts, returned bonds, juror rewards); always possible, even when the plan is paused or closed, member or not.",
        footer = {"", "Examples:", "  huzhu member withdraw --plan 0 --amount 20 --account alice", "  huzhu member withdraw --plan 0 --all --account alice",
                "  huzhu member withdraw --plan 0 --amount 0.5 --yes --json"})
public final class MemberWithdraw implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Option(names = "--amount", paramLabel = "AMOUNT", converter = dev.huzhu.cli.options.TokenQuantity.Converter.class, description = "amount in token units, e.g. 12.5")
    dev.huzhu.cli.options.TokenQuantity amount;

    @Option(names = "--all", description = "everything withdrawable now (the free balance after the charges due)")
    boolean all;

    @Override
    public Integer call() {
        if (all == (amount != null)) {
            throw new InvalidInputException("give either --amount AMOUNT or --all");
        }
        return plan.run((p, flow) -> {
            BigInteger units = all ? dev.huzhu.chain.Calls.get(p.pool(null).withdrawable(flow.from())) : p.token().parse(amount.text());
            if (all && units.signum() == 0) {
                throw new dev.huzhu.chain.RevertedException("nothing to withdraw: " + flow.from() + " has no free balance in plan " + p.plan(), null, null);
            }
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).withdraw(units)),
                    "withdraw " + p.token().format(units) + " from plan " + p.plan());
            BigInteger balance = dev.huzhu.chain.Calls.get(p.pool(null).memberOf(flow.from())).balance;
            return new PlanTx.Outcome("withdrew " + p.token().format(units) + "; free balance " + p.token().format(balance) + "; " + TxFlow.line(sent),
                    Json.object("amount", p.token().format(units).split(" ")[0], "balance", p.token().format(balance).split(" ")[0],
                            "tx", TxFlow.json(sent)));
        });
    }
}
