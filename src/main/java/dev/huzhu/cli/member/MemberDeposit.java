package dev.huzhu.cli.member;

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

/** {@code huzhu member deposit}. */
@Command(name = "deposit", mixinStandardHelpOptions = true, description = "Add to your free balance in the plan (contributions are charged from it).",
        footer = {"", "Examples:", "  huzhu member deposit --plan 0 --amount 50 --account alice", "  huzhu member deposit --plan 0xE451980132E65465d0a498c53f0b5227326Dd73F --amount 12.5 --yes --json"})
public final class MemberDeposit implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", converter = dev.huzhu.cli.options.TokenQuantity.Converter.class, description = "amount in token units, e.g. 12.5")
    dev.huzhu.cli.options.TokenQuantity amount;

    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            BigInteger units = p.token().parse(amount.text());
            String data = PlanAction.data(p.pool(flow.from()).deposit(units));
            SentTransaction approval = p.ensureAllowance(flow, units, data);
            SentTransaction sent = flow.send(p.plan(), data,
                    "deposit " + p.token().format(units) + " into plan " + p.plan());
            var member = dev.huzhu.chain.Calls.get(p.pool(null).memberOf(flow.from()));
            BigInteger balance = member.balance;
            BigInteger charged = BigInteger.ZERO;
            BigInteger periods = BigInteger.ZERO;
            for (var e : p.chain().events(sent)) {
                if (e.name().equals("ContributionCharged") && e.address("member").equalsIgnoreCase(flow.from())) {
                    charged = charged.add(e.number("amount"));
                    periods = periods.add(e.number("periods"));
                }
            }
            String settled = "";
            if (charged.signum() > 0) {
                // the deposit cleared arrears when the gap it records ends at this transaction's block time
                boolean gap = member.gapTo.signum() > 0 && blockTime(p, sent) == member.gapTo.longValue();
                settled = "; " + p.token().format(charged) + " of the balance went to " + dev.huzhu.cli.output.Words.count(periods.longValue(), "contribution period")
                        + " already started" + (gap ? " (arrears: no cover from " + MemberStatus.UTC.format(java.time.Instant.ofEpochSecond(member.gapFrom.longValue()))
                        + " until now, a loss then cannot be claimed)" : "") + ", covered until "
                        + MemberStatus.UTC.format(java.time.Instant.ofEpochSecond(member.paidThrough.longValue()));
            }
            return new PlanTx.Outcome("deposited " + p.token().format(units) + settled + "; free balance " + p.token().format(balance) + "; " + TxFlow.line(sent),
                    Json.object("amount", p.token().format(units).split(" ")[0], "balance", p.token().format(balance).split(" ")[0],
                            "charged", p.token().format(charged).split(" ")[0], "chargedPeriods", periods.longValue(),
                            "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
        });
    }

    private static long blockTime(dev.huzhu.cli.PlanAction p, SentTransaction sent) {
        try {
            return p.chain().web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameter.valueOf(sent.blockNumber()), false)
                    .send().getBlock().getTimestamp().longValue();
        } catch (java.io.IOException e) {
            throw new dev.huzhu.chain.NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }
}
