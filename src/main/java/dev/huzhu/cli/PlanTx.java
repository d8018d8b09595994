package dev.huzhu.cli;

import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** The skeleton of every member action on one plan: open the plan, run the step's transactions, print. */
public final class PlanTx {
    /** What a step did: a sentence for people and an object for --json. */
    public record Outcome(String text, Map<String, Object> json) {}

    /** One action: may validate, read, send transactions through the flow. */
    public interface Step {
        Outcome run(PlanAction plan, TxFlow flow);
    }

    private PlanTx() {}

    public static int run(CommandSpec spec, NetworkOptions network, String planRef, AccountOptions account, TxOptions tx,
            JsonOption json, Step step) {
        Session session = Session.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        tx.check();
        try (PlanAction plan = PlanAction.open(session, network, planRef)) {
            TxFlow flow = new TxFlow(session, plan.chain(), account, tx, spec.commandLine().getErr());
            Outcome o = step.run(plan, flow);
            if (json.json) {
                Map<String, Object> m = Json.object("plan", plan.plan(), "account", flow.from());
                m.putAll(o.json());
                Json.print(out, m);
            } else {
                out.println(o.text());
                out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
