package dev.huzhu.cli.token;

import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code huzhu approve --plan P AMOUNT|max}: lets the plan take up to AMOUNT of its token from the account
 * (the allowance is set, not added to; 0 revokes). Commands that pay approve exactly what they need by
 * themselves; this is for wallets and scripts that approve once, or to revoke.
 */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Set how much of the plan's token the plan may take from your account (0 revokes, max = unlimited).",
        footer = {"", "Examples:", "  huzhu approve --plan 0 500 --account alice", "  huzhu approve --plan 0 max --account alice --yes",
                "  huzhu approve --plan 0 0 --account alice --yes --json"})
public final class ApproveCommand implements Callable<Integer> {
    static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    @Mixin PlanTx plan;

    @Parameters(index = "0", paramLabel = "AMOUNT", description = "the new allowance in token units, or max (unlimited); 0 revokes")
    String amount;

    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            Erc20Token token = p.token();
            boolean unlimited = "max".equalsIgnoreCase(amount.strip());
            BigInteger units = unlimited ? MAX : token.parse(amount);
            BigInteger before = token.allowance(flow.from(), p.plan());
            String words = unlimited ? "any amount of " + token.info().symbol() : token.format(units);
            SentTransaction sent = flow.send(token.address(), Erc20Token.approveData(p.plan(), units),
                    "approve plan " + p.plan() + " to take " + words + " from " + flow.from() + " (token " + token.info().address() + ")");
            BigInteger after = token.allowance(flow.from(), p.plan());
            String now = after.equals(MAX) ? "unlimited" : token.format(after);
            return new PlanTx.Outcome("plan " + p.plan() + " may now take " + now + " from " + flow.from() + " (was "
                    + (before.equals(MAX) ? "unlimited" : token.format(before)) + "); " + TxFlow.line(sent),
                    Json.object("token", token.info().address(), "allowance", after.equals(MAX) ? "max" : token.format(after).split(" ")[0],
                            "previous", before.equals(MAX) ? "max" : token.format(before).split(" ")[0], "tx", TxFlow.json(sent)));
        });
    }
}
