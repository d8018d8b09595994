package dev.huzhu.cli.scenario;

import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.SendOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.protocol.Deployment;
import java.io.PrintWriter;
import java.math.BigInteger;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The skeleton of the commands that send to a scenario contract (a relief campaign or round, a
 * group purchase, a parametric plan): open the chain, run the step's transactions, print the
 * outcome (text or --json), as {@link PlanTx} does for plans.
 */
public final class ScenarioTx {
    private ScenarioTx() {}

    /** One action: may validate, read, send transactions through the flow. */
    public interface Step {
        PlanTx.Outcome run(ChainContext chain, TxFlow flow);
    }

    /** Runs {@code step} with the options of {@code send}. */
    public static int run(CommandSpec spec, SendOptions send, Step step) {
        Session session = Session.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        send.tx.check();
        try (ChainContext chain = ChainContext.open(session, send.network)) {
            TxFlow flow = new TxFlow(session, chain, send.account, send.tx, spec.commandLine().getErr());
            PlanTx.Outcome o = PlanTx.minedOrUnknown(flow, () -> step.run(chain, flow));
            PlanTx.print(out, send.json.json, Json.object("account", flow.from()), o);
            return ExitCodes.OK;
        }
    }

    /** The token of {@code address} with its decimals (amounts are parsed and printed in its units). */
    public static Erc20Token token(ChainContext chain, String address) {
        Erc20Token token = new Erc20Token(chain.web3j(), address);
        token.decimals();
        chain.token(token.info());
        return token;
    }

    /** The deployment's MockUSD, for --asset's default. */
    public static String defaultAsset(ChainContext chain) {
        return chain.deployment().contract(Deployment.MOCK_USD)
                .orElseThrow(() -> new dev.huzhu.protocol.InvalidInputException("this deployment has no MockUSD: give the token with --asset ADDRESS"))
                .address();
    }

    /**
     * Lets {@code spender} take {@code amount} of {@code token} for the call {@code mainData}: a short
     * wallet balance is one line; a short allowance is approved first (the call is simulated before,
     * so any other revert is reported instead of an approval).
     */
    public static SentTransaction ensureAllowance(ChainContext chain, TxFlow flow, Erc20Token token, String spender, BigInteger amount,
            String mainData) {
        if (amount.signum() == 0 || token.allowance(flow.from(), spender).compareTo(amount) >= 0) {
            return null;
        }
        BigInteger balance = token.balanceOf(flow.from());
        if (balance.compareTo(amount) < 0) {
            throw new dev.huzhu.chain.RevertedException("token balance too low: " + flow.from() + " has " + token.format(balance)
                    + ", needs " + token.format(amount) + (chain.profile().local() ? "; on the local node run `huzhu dev fund " + flow.entry().name() + "`" : ""),
                    null, null);
        }
        return flow.sendPrerequisite(token.address(), Erc20Token.approveData(spender, amount),
                "approve " + spender + " to take " + token.format(amount) + " from " + flow.from(), spender, mainData);
    }

    /** The factory of {@code key} in this chain's deployment (one line naming `huzhu deploy` when missing). */
    public static String factory(ChainContext chain, String key) {
        return chain.deployment().address(key);
    }

    /** Token units without the symbol, for --json. */
    /** The {@code amount} of the transaction's first {@code event}, or 0 when it emitted none. */
    public static BigInteger amountIn(ChainContext chain, SentTransaction sent, String event) {
        return chain.events(sent).stream().filter(x -> x.name().equals(event)).findFirst().map(x -> x.number("amount")).orElse(BigInteger.ZERO);
    }

    public static String units(Erc20Token token, BigInteger amount) {
        return token.format(amount).split(" ")[0];
    }
}
