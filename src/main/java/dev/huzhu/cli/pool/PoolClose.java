package dev.huzhu.cli.pool;

import dev.huzhu.chain.Calls;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.SendOptions;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.AidPool;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code huzhu pool close PLAN}: a member of the plan votes to close it (voteToClose; it closes when
 * more than half the covered members vote within one period); anyone else is taken to be its creator
 * closing a plan nobody joined (closeByCreator); {@code --below-floor} asks it to close for lack of
 * members (closeBelowFloor, anyone). The contract decides: a call it would refuse is one line, nothing sent.
 */
@Command(name = "close", mixinStandardHelpOptions = true,
        description = "Close a plan by its rules: as a covered member, vote to close (it closes when more than half vote within one period); "
                + "as its creator, close a plan nobody has joined; with --below-floor, anyone asks it to close after too few members for too long.",
        footer = {"", "Examples:", "  huzhu pool close 0 --account alice          # a member's vote", "  huzhu pool close 3 --account operator       # the creator, before anyone joined",
                "  huzhu pool close 0 --below-floor --account keeper"})
public final class PoolClose implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SendOptions send;

    @Parameters(index = "0", paramLabel = "PLAN", description = "plan id or address")
    String plan;

    @Option(names = "--below-floor", description = "close for lack of members (covered members below the rules' floor for the rules' number of periods)")
    boolean belowFloor;

    @Override
    public Integer call() {
        return PlanTx.run(spec, send, plan, (p, flow) -> {
            AidPool pool = p.pool(flow.from());
            String how;
            String data;
            if (belowFloor) {
                how = "closeBelowFloor";
                data = PlanAction.data(pool.closeBelowFloor());
            } else if (Calls.get(pool.memberOf(flow.from())).active) {
                how = "voteToClose";
                data = PlanAction.data(pool.voteToClose());
            } else {
                how = "closeByCreator";
                data = PlanAction.data(pool.closeByCreator());
            }
            SentTransaction sent = flow.send(p.plan(), data, how + " of plan " + p.plan());
            WindDownView w = WindDownView.read(p.pool(null), p.rules());
            String text = w.closed() ? "plan " + p.plan() + " is closed (" + w.closeReason() + "); no joins and no claims from now on"
                    : how.equals("voteToClose") ? "vote counted: " + w.closeVotes() + " of " + w.activeMembers()
                            + " covered members in round " + w.closeRound() + " (closes when more than half vote within one period)"
                    : "plan " + p.plan() + " stays open: covered members " + w.activeMembers() + ", floor " + w.minMembers();
            Map<String, Object> o = Json.object("action", how, "closed", w.closed(), "windDown", w.json(p.token()), "tx", TxFlow.json(sent));
            return new PlanTx.Outcome(text + "; " + TxFlow.line(sent), o);
        });
    }
}
