package dev.huzhu.cli.points;

import dev.huzhu.protocol.Address;
import dev.huzhu.chain.Calls;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
    @Mixin KeystoreOptions keystore;

    @Option(names = {"-a", "--account"}, paramLabel = "NAME|ADDRESS", description = "a keystore account (default: $HUZHU_ACCOUNT)")
    String account;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDRESS", description = "any address (default: the account's)")
    String address;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        String who = address != null ? Address.parse(address, "address").checksummed()
                : keystore.keystore(session).find(account != null ? account : session.env("HUZHU_ACCOUNT")).address();
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(session, network)) {
            Deployment d = chain.deployment();
            BigInteger minted = new Erc20Token(chain.web3j(), d.address(Deployment.POINTS)).balanceOf(who);
            PlanDirectory directory = new PlanDirectory(chain.web3j(), d.address(Deployment.FACTORY));
            List<Map<String, Object>> pending = new ArrayList<>();
            long pendingTotal = 0;
            List<String> plans = directory.all();
            for (int i = 0; i < plans.size(); i++) {
                long p = Calls.get(directory.plan(plans.get(i), null).memberOf(who)).points.longValue();
                if (p > 0) {
                    pending.add(Json.object("plan", plans.get(i), "id", i, "points", p));
                    pendingTotal += p;
                }
            }
            if (json.json) {
                Json.print(out, Json.object("address", who, "minted", minted.longValue(), "pending", pendingTotal, "plans", pending));
            } else {
                out.printf("%s: %s points minted, %d accrued in plans%s%n", who, minted, pendingTotal,
                        pending.isEmpty() ? "" : " (" + String.join(", ", pending.stream().map(m -> "plan #" + m.get("id") + ": " + m.get("points")).toList())
                                + "; mint them with `huzhu points claim --plan ID`)");
            }
            return ExitCodes.OK;
        }
    }
}
