package dev.huzhu.cli.tranche;

import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.claim.ClaimId;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.PlanOption;
import dev.huzhu.cli.output.Json;
import dev.huzhu.protocol.InvalidInputException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu tranche show CLAIM}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show an EDUCATION claim's schedule: the institution, each term's tranche and what was released.",
        footer = {"", "Examples:", "  huzhu tranche show 1 --plan 0", "  huzhu tranche show 1 --plan 0 --json"})
public final class TrancheShow implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PlanOption plan;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "CLAIM", description = "claim id (3 or #3)", converter = ClaimId.class)
    BigInteger id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PlanAction p = PlanAction.open(Session.of(spec), network, plan.plan)) {
            TrancheSchedule s = TrancheSchedule.read(p, id);
            if (s == null) {
                throw new InvalidInputException("claim #" + id + " of plan " + p.plan() + " has no institution named (its claimant names one with claim submit --institution)");
            }
            if (json.json) {
                Map<String, Object> o = s.json(p);
                o.put("plan", p.plan());
                o.put("claimId", id.longValue());
                Json.print(out, o);
            } else {
                out.printf("claim #%s of plan %s%n", id, p.plan());
                s.lines(p).forEach(out::println);
            }
            return ExitCodes.OK;
        }
    }
}
