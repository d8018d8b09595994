package dev.huzhu.cli.points;

import dev.huzhu.protocol.Address;
import dev.huzhu.chain.Calls;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.AidPoints;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.huzhu.cli.options.WhoOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu points [ADDRESS]}: minted AidPoints and points accrued in each plan (R11). */
@Command(name = "points", mixinStandardHelpOptions = true,
        description = "Show an address's points (积分): minted AidPoints plus points accrued in plans and not yet claimed.",
        subcommands = {PointsClaim.class},
        footer = {"", "Points come from joining, on-time contributions, revealed jury votes and referrals; they cannot be transferred.",
                "", "Examples:", "  huzhu points --account alice", "  huzhu points 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --json",
                "  huzhu points claim --plan 0 --account alice"})
public final class PointsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;
    @Mixin WhoOptions whoOptions;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        String who = whoOptions.who(session);
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(session, network)) {
            Deployment d = chain.deployment();
            // points are kept per plan (anyone can create a plan): never added up across plans
            AidPoints aidPoints = AidPoints.load(d.address(Deployment.POINTS), chain.web3j(), chain.reader(who), chain.gas());
            PlanDirectory directory = new PlanDirectory(chain.web3j(), d.address(Deployment.FACTORY));
            List<Map<String, Object>> perPlan = new ArrayList<>();
            List<String> plans = directory.all();
            for (int i = 0; i < plans.size(); i++) {
                long pending = Calls.get(directory.plan(plans.get(i), null).memberOf(who)).points.longValue();
                long minted = Calls.get(aidPoints.pointsOf(plans.get(i), who)).longValue();
                if (pending > 0 || minted > 0) {
                    perPlan.add(Json.object("plan", plans.get(i), "id", i, "minted", minted, "pending", pending));
                }
            }
            if (json.json) {
                Json.print(out, Json.object("address", who, "plans", perPlan));
            } else if (perPlan.isEmpty()) {
                out.printf("%s: no points in any plan%n", who);
            } else {
                out.printf("%s: points per plan (each plan's own; mint accrued ones with `huzhu points claim --plan ID`)%n", who);
                for (Map<String, Object> m : perPlan) {
                    out.printf("  plan #%s: %s minted, %s accrued%n", m.get("id"), m.get("minted"), m.get("pending"));
                }
            }
            return ExitCodes.OK;
        }
    }
}
