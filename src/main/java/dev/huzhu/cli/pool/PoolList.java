package dev.huzhu.cli.pool;

import dev.huzhu.protocol.SolidityEnum;
import dev.huzhu.protocol.Category;
import dev.huzhu.chain.Durations;
import dev.huzhu.chain.PlanFacts;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.output.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import dev.huzhu.cli.options.CategoryConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code huzhu pool list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the plans of the deployment (no account needed).",
        footer = {"", "Examples:", "  huzhu pool list", "  huzhu pool list --category medical --json", "  huzhu pool list --network sepolia"})
public final class PoolList implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "only this category", converter = CategoryConverter.class)
    Category only;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(Session.of(spec), network)) {
            PlanReads reads = new PlanReads(chain);
            List<PlanFacts> plans = new ArrayList<>();
            List<String> all = reads.directory.all();
            for (int i = 0; i < all.size(); i++) {
                PlanFacts f = reads.facts(i, all.get(i));
                if (only == null || f.category() == only) {
                    plans.add(f);
                }
            }
            if (json.json) {
                Json.print(out, Json.object("chainId", chain.chainId(), "factory",
                        reads.deployment.address(dev.huzhu.protocol.Deployment.FACTORY), "plans", plans.stream().map(PlanReads::json).toList()));
                return ExitCodes.OK;
            }
            if (plans.isEmpty()) {
                out.println("no plans yet on chain " + chain.chainId() + " (create one with `huzhu pool create`)");
                return ExitCodes.OK;
            }
            TextTable t = new TextTable("ID>", "ADDRESS", "CATEGORY", "MODEL", "TOKEN", "CONTRIBUTION", "MAX PAYOUT>", "WAITING>", "MEMBERS>", "RESERVE>");
            for (PlanFacts f : plans) {
                t.row(f.id(), f.address(), f.category().label(), f.model().label(), f.tokenText(), f.contributionText(), f.amount(f.rules().maxPayoutPerClaim),
                        Durations.format(f.rules().waitingPeriod.longValue()), f.activeMembers(), f.amount(f.reserve()));
            }
            t.print(out);
            return ExitCodes.OK;
        }
    }
}
