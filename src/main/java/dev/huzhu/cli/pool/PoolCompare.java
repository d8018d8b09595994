package dev.huzhu.cli.pool;

import dev.huzhu.protocol.SolidityEnum;
import dev.huzhu.protocol.Category;
import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.Durations;
import dev.huzhu.chain.EventLog;
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
import java.util.Map;
import java.util.concurrent.Callable;
import dev.huzhu.cli.options.CategoryConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu pool compare [PLAN…]}: the side-by-side table for choosing a plan (R9). */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare plans side by side: category, contribution, fee, max payout, waiting period, members, reserve, "
                + "claims paid, approval ratio and rating (from the plans' state and event history).",
        footer = {"", "Examples:", "  huzhu pool compare", "  huzhu pool compare 0 2 --json", "  huzhu pool compare --category medical"})
public final class PoolCompare implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;

    @Parameters(arity = "0..*", paramLabel = "PLAN", description = "plan ids or addresses (default: all)")
    List<String> plans = new ArrayList<>();

    @Option(names = "--category", paramLabel = "CATEGORY", description = "only this category", converter = CategoryConverter.class)
    Category only;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(Session.of(spec), network)) {
            PlanReads reads = new PlanReads(chain);
            List<String> all = reads.directory.all();
            List<String> chosen = plans.isEmpty() ? all : plans.stream().map(reads.directory::resolve).toList();
            List<PlanFacts> facts = new ArrayList<>();
            for (String p : chosen) {
                PlanFacts f = reads.facts(all.indexOf(p), p);
                if (only == null || f.category() == only) {
                    facts.add(f);
                }
            }
            List<ChainEvent> events = new EventLog(chain.web3j(), chain.events())
                    .read(facts.stream().map(PlanFacts::address).toList(), reads.deployment.firstBlock());
            List<Map<String, Object>> rows = new ArrayList<>();
            TextTable t = new TextTable("ID>", "CATEGORY", "MODEL", "TOKEN", "CONTRIBUTION", "FEE>", "MAX PAYOUT>", "WAITING>", "MEMBERS>",
                    "RESERVE>", "PAID>", "APPROVED>", "RATING");
            for (PlanFacts f : facts) {
                long paid = count(events, f, "ClaimPaid");
                long approved = count(events, f, "ClaimApproved");
                long rejected = count(events, f, "ClaimRejected");
                String ratio = approved + rejected == 0 ? "-" : Math.round(100.0 * approved / (approved + rejected)) + "%";
                t.row(f.id(), f.category().label(), f.model().label(), f.tokenText(), f.contributionText(), String.format(Locale.ROOT, "%.2f%%", f.feeBps().doubleValue() / 100),
                        f.amount(f.rules().maxPayoutPerClaim), Durations.format(f.rules().waitingPeriod.longValue()), f.activeMembers(),
                        f.amount(f.reserve()), paid, ratio, f.ratingText());
                Map<String, Object> o = PlanReads.json(f);
                o.put("claimsPaid", paid);
                o.put("claimsApproved", approved);
                o.put("claimsRejected", rejected);
                o.put("approvalRatio", approved + rejected == 0 ? null : (double) approved / (approved + rejected));
                rows.add(o);
            }
            if (json.json) {
                Json.print(out, Json.object("chainId", chain.chainId(), "plans", rows));
            } else if (facts.isEmpty()) {
                out.println("no plans to compare");
            } else {
                t.print(out);
            }
            return ExitCodes.OK;
        }
    }

    private static long count(List<ChainEvent> events, PlanFacts f, String name) {
        return events.stream().filter(e -> e.contract().equalsIgnoreCase(f.address()) && e.name().equals(name)).count();
    }
}
