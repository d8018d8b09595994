package dev.huzhu.cli;

import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.chain.SentTransaction;
import java.io.PrintWriter;
import java.util.Map;
import dev.huzhu.cli.options.PlanOption;
import dev.huzhu.cli.options.SendOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one plan/transaction mixin of the commands that send to one plan ({@code --plan} plus
 * {@link SendOptions}), and the skeleton they share: open the plan, run the step's transactions,
 * print. A command declares {@code @Mixin PlanTx plan;} and calls {@code plan.run((p, flow) -> …)}.
 */
public final class PlanTx {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;
    @Mixin PlanOption plan;
    @Mixin SendOptions send;

    /** What a step did: a sentence for people and an object for --json. */
    public record Outcome(String text, Map<String, Object> json) {}

    /** One action: may validate, read, send transactions through the flow. */
    public interface Step {
        Outcome run(PlanAction plan, TxFlow flow);
    }

    /** An address, or a keystore account's name standing for one (no password needed). */
    public String addressOf(String text, String what) {
        return send.account.addressOf(Session.of(spec), text, what);
    }

    /**
     * A second account of the keystore (not --account), unlocked with the same password source: the member whose
     * secret an anonymous rating proves, while --account sends.
     */
    public dev.huzhu.wallet.KeystoreSigner unlockOther(String ref) {
        Session session = Session.of(spec);
        return send.account.unlock(session, send.account.entryNamed(session, ref));
    }

    /** The address of a keystore account other than --account (no password needed). */
    public String addressOfAccount(String ref) {
        return send.account.entryNamed(Session.of(spec), ref).address();
    }

    /** Runs {@code step} on the plan of --plan with the mixed-in options. */
    public int run(Step step) {
        return run(spec, send, plan.plan, step);
    }

    /** Runs {@code step} on {@code planRef} (a command that takes the plan as an argument). */
    public static int run(CommandSpec spec, SendOptions send, String planRef, Step step) {
        NetworkOptions network = send.network;
        AccountOptions account = send.account;
        TxOptions tx = send.tx;
        JsonOption json = send.json;
        Session session = Session.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        tx.check();
        try (PlanAction plan = PlanAction.open(session, network, planRef)) {
            TxFlow flow = new TxFlow(session, plan.chain(), account, tx, spec.commandLine().getErr());
            Outcome o = minedOrUnknown(flow, () -> step.run(plan, flow));
            print(out, json.json, Json.object("plan", plan.plan(), "account", flow.from()), o);
            return ExitCodes.OK;
        }
    }

    /**
     * Runs {@code step}; when the node fails after one of its transactions was mined, that is exit 9 (outcome unknown),
     * never "failed": only reading what it did failed, and a script would send it again.
     */
    public static Outcome minedOrUnknown(TxFlow flow, java.util.function.Supplier<Outcome> step) {
        try {
            return step.get();
        } catch (dev.huzhu.chain.NetworkException e) {
            SentTransaction mined = flow.lastMined();
            if (mined == null) {
                throw e;
            }
            throw new UserError(ExitCodes.UNKNOWN_OUTCOME, "transaction " + mined.hash() + " was mined in block " + mined.blockNumber()
                    + ", but then " + e.getMessage() + "; do not send it again: `huzhu tx status " + mined.hash() + "` shows it");
        }
    }

    /** Prints an outcome: as JSON after the {@code head} fields, else its line of text. */
    public static void print(PrintWriter out, boolean json, Map<String, Object> head, Outcome o) {
        if (json) {
            head.putAll(o.json());
            Json.print(out, head);
        } else {
            out.println(o.text());
            out.flush();
        }
    }
}
