package dev.huzhu.cli.claim;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.protocol.SolidityEnum;
import dev.huzhu.protocol.ClaimStatus;
import dev.huzhu.chain.Calls;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.PlanOption;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.output.TextTable;
import dev.huzhu.contracts.AidPool;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code huzhu claim list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List a plan's claims.",
        footer = {"", "Examples:", "  huzhu claim list --plan 0", "  huzhu claim list --plan 0 --status approved --json"})
public final class ClaimList implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PlanOption plan;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;

    @Option(names = "--status", paramLabel = "STATUS", description = "only claims in this state: submitted, approved, rejected, disputed, paid, denied")
    String status;

    @Override
    public Integer call() {
        if (status != null && SolidityEnum.parse(ClaimStatus.class, status).filter(s -> s != ClaimStatus.NONE).isEmpty()) {
            throw new InvalidInputException("--status '" + status + "' is not one of submitted, approved, rejected, disputed, paid, denied");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (PlanAction p = PlanAction.open(Session.of(spec), network, plan.plan)) {
            long n = Calls.get(p.pool(null).claimCount()).longValue();
            List<Map<String, Object>> rows = new ArrayList<>();
            // AMOUNT is what was asked; PAID and OWED what the plan holds now (claimOf: a paid claim may be paid in part, the rest owed)
            TextTable t = new TextTable("ID>", "CLAIMANT", "AMOUNT>", "STATUS", "PAID>", "OWED>", "VOTES>", "DEADLINE");
            for (long i = 1; i <= n; i++) {
                BigInteger id = BigInteger.valueOf(i);
                AidPool.Claim c = ClaimView.read(p, id);
                if (status != null && !ClaimView.status(c).equals(status.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                rows.add(ClaimView.json(p, id, c));
                t.row(i, dev.huzhu.protocol.Address.checksum(c.claimant), p.token().format(c.amount), ClaimView.status(c),
                        c.paid.signum() == 0 ? "-" : p.token().format(c.paid), c.owed.signum() == 0 ? "-" : p.token().format(c.owed), c.approvals + "/" + c.rejections, ClaimView.deadline(p, c));
            }
            if (json.json) {
                Json.print(out, Json.object("plan", p.plan(), "claims", rows));
            } else if (rows.isEmpty()) {
                out.println("no claims" + (status == null ? "" : " in state " + status.toLowerCase(Locale.ROOT)) + " in plan " + p.plan());
            } else {
                t.print(out);
            }
            return ExitCodes.OK;
        }
    }
}
