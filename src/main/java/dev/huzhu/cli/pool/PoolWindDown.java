package dev.huzhu.cli.pool;

import dev.huzhu.chain.RegistryHolders;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.SendOptions;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.protocol.InvalidInputException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu pool wind-down PLAN [--prepare]}: a plan's wind-down state; --prepare opens the exits of a closed plan (prepareExits, anyone). */
@Command(name = "wind-down", mixinStandardHelpOptions = true,
        description = "Show a plan's wind-down: open or closed (when, why), close votes, the member floor, the exits (the reserve left to share) "
                + "and what claims are still owed. --prepare (anyone) prepares the exits of a closed plan in steps: every claim must be final; "
                + "owed claims are paid from the reserve first; then each member who leaves gets their balance and an equal share of the reserve.",
        footer = {"", "Examples:", "  huzhu pool wind-down 0", "  huzhu pool wind-down 0 --prepare --account keeper --yes", "  huzhu pool wind-down 0 --json"})
public final class PoolWindDown implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SendOptions send;

    @Parameters(index = "0", paramLabel = "PLAN", description = "plan id or address")
    String plan;

    @Option(names = "--prepare", description = "send prepareExits (repeat until the exits are open)")
    boolean prepare;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200", description = "claims and members looked at per prepareExits call (default: ${DEFAULT-VALUE})")
    int steps;

    @Override
    public Integer call() {
        if (steps < 1 || steps > 10_000) {
            throw new InvalidInputException("--steps must be between 1 and 10000, got " + steps);
        }
        if (prepare) {
            return PlanTx.run(spec, send, plan, (p, flow) -> {
                List<String> holders = RegistryHolders.forExits(p.chain().web3j(), p.pool(null), p.plan(), steps);
                SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).prepareExits(BigInteger.valueOf(steps), holders)),
                        "prepareExits(" + steps + ") of plan " + p.plan());
                WindDownView w = WindDownView.read(p.pool(null), p.rules());
                String text = (w.exitsOpen() ? "exits open: " + p.token().format(w.exitPool()) + " for " + w.exitShares() + " member(s)"
                        : "exits not open yet: run it again (more claims or members to look at)") + "; " + TxFlow.line(sent);
                Map<String, Object> o = w.json(p.token());
                o.put("tx", TxFlow.json(sent));
                return new PlanTx.Outcome(text, o);
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        try (PlanAction p = PlanAction.open(Session.of(spec), send.network, plan)) {
            WindDownView w = WindDownView.read(p.pool(null), p.rules());
            if (send.json.json) {
                Map<String, Object> o = Json.object("plan", p.plan(), "id", p.directory().idOf(p.plan()));
                o.putAll(w.json(p.token()));
                Json.print(out, o);
            } else {
                out.println("wind-down of plan #" + p.directory().idOf(p.plan()) + " " + p.plan());
                w.lines(p.token()).forEach(out::println);
                out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
