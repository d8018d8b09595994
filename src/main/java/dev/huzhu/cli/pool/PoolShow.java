package dev.huzhu.cli.pool;

import dev.huzhu.chain.Durations;
import dev.huzhu.chain.PlanFacts;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu pool show PLAN}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one plan: every rule and its current figures.",
        footer = {"", "Examples:", "  huzhu pool show 0", "  huzhu pool show 0xa16E02E87b7454126E5E10d957A927A7F5B5d2be --json"})
public final class PoolShow implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;
    @Mixin dev.huzhu.cli.options.StoreOptions store;

    @Parameters(index = "0", paramLabel = "PLAN", description = "plan id or address")
    String plan;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(Session.of(spec), network)) {
            PlanReads reads = new PlanReads(chain);
            String address = reads.directory.resolve(plan);
            PlanFacts f = reads.facts(reads.directory.idOf(address), address);
            var r = f.rules();
            var pool = reads.directory.plan(address, null);
            java.math.BigInteger fees = dev.huzhu.chain.Calls.get(pool.feesOwed());
            java.math.BigInteger bonds = dev.huzhu.chain.Calls.get(pool.bondsHeld());
            RulesDocument.Shown rulesDoc = RulesDocument.read(store.client(Session.of(spec)), r.rulesHash);
            if (json.json) {
                Map<String, Object> o = PlanReads.json(f);
                o.put("gracePeriodSeconds", r.gracePeriod.longValue());
                o.put("feeReceiver", r.feeReceiver);
                o.put("assessmentWindowSeconds", r.assessmentWindow.longValue());
                o.put("noticeWindowSeconds", r.noticeWindow.longValue());
                o.put("juryWindowSeconds", r.juryWindow.longValue());
                o.put("claimBond", PlanReads.units(f, r.claimBond));
                o.put("challengeBond", PlanReads.units(f, r.challengeBond));
                o.put("rulesHash", Numeric.toHexString(r.rulesHash));
                o.put("rulesId", rulesDoc.id());
                o.put("rulesText", rulesDoc.text());
                o.put("rulesStatus", rulesDoc.status());
                o.put("guardian", r.guardian);
                o.put("quorum", r.quorum.intValue());
                o.put("assessors", r.assessors.stream().map(dev.huzhu.protocol.Address::checksum).toList());
                o.put("totalBalances", PlanReads.units(f, f.totalBalances()));
                o.put("feesOwed", PlanReads.units(f, fees));
                o.put("bondsHeld", PlanReads.units(f, bonds));
                o.put("createdAt", f.createdAt().longValue());
                Json.print(out, o);
                return ExitCodes.OK;
            }
            java.util.List<String[]> rows = new java.util.ArrayList<>();
            rows.add(new String[] {"plan", "#" + f.id() + " " + f.address() + (f.paused() ? " (paused: no new joins or claims)" : "")});
            rows.addAll(RuleLines.of(r, f.category(), f.model(), f.token()));
            rows.add(new String[] {"members", f.activeMembers().toString()});
            rows.add(new String[] {"reserve", f.amount(f.reserve()) + " (member balances " + f.amount(f.totalBalances()) + ")"});
            rows.add(new String[] {"fees owed", f.amount(fees)});
            rows.add(new String[] {"bonds held", f.amount(bonds)});
            rows.add(new String[] {"claims", f.claimCount().toString()});
            rows.add(new String[] {"rating", f.ratingText()});
            rows.add(new String[] {"created", Instant.ofEpochSecond(f.createdAt().longValue()).toString()});
            rows.add(new String[] {"rules text", rulesDoc.id() == null ? "none" : rulesDoc.id() + " (" + rulesDoc.status() + ")"});
            for (String[] row : rows) {
                out.printf("%-15s %s%n", row[0], row[1]);
            }
            if (rulesDoc.text() != null) {
                for (String line : rulesDoc.text().split("\n", -1)) {
                    out.println("  | " + line);
                }
            }
            return ExitCodes.OK;
        }
    }
}
