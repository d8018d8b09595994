package dev.huzhu.cli.claim;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.EventLog;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.PlanOption;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.AidPool;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu claim show CLAIM}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a claim: state, votes, deadlines, evidence hash and its history.",
        footer = {"", "Examples:", "  huzhu claim show 1 --plan 0", "  huzhu claim show 1 --plan 0 --json"})
public final class ClaimShow implements Callable<Integer> {
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
            AidPool.Claim c = ClaimView.read(p, id);
            List<ChainEvent> history = new EventLog(p.chain().web3j(), p.chain().events()).read(List.of(p.plan()), p.deployment().firstBlock())
                    .stream().filter(e -> id.equals(e.fields().get("claimId"))).toList();
            String evidence = history.stream().filter(e -> e.name().equals("ClaimSubmitted")).findFirst()
                    .map(e -> Numeric.toHexString((byte[]) e.fields().get("evidenceHash"))).orElse(null);
            if (json.json) {
                Map<String, Object> o = ClaimView.json(p, id, c);
                o.put("plan", p.plan());
                o.put("evidenceHash", evidence);
                if (dev.huzhu.cli.tranche.PlanEscrow.education(p)) {
                    var schedule = dev.huzhu.cli.tranche.TrancheSchedule.read(p, id);
                    o.put("schedule", schedule == null ? null : schedule.json(p));
                }
                o.put("history", history.stream().map(e -> Json.object("event", e.name(), "block", e.block(), "tx", e.txHash())).toList());
                Json.print(out, o);
                return ExitCodes.OK;
            }
            out.printf("claim #%s of plan %s%n", id, p.plan());
            out.printf("  claimant   %s%n  amount     %s%n  status     %s%s%n  deadline   %s%n", dev.huzhu.protocol.Address.checksum(c.claimant),
                    p.token().format(c.amount), ClaimView.status(c), c.dispute.signum() == 0 ? "" : " (" + ClaimView.dispute(c) + ")",
                    ClaimView.deadline(p, c));
            String payment = ClaimView.payment(p, c);
            if (payment != null) {
                out.printf("  payment    %s%n", payment);
            }
            out.printf("  assessors  %s approve, %s reject (quorum %s of %d)%n", c.approvals, c.rejections, p.rules().quorum, p.rules().assessors.size());
            if (c.dispute.signum() != 0) {
                out.printf("  jury       %s approve, %s reject (revealed)%n", c.juryFor, c.juryAgainst);
            }
            if (dev.huzhu.cli.tranche.PlanEscrow.education(p)) {
                var schedule = dev.huzhu.cli.tranche.TrancheSchedule.read(p, id);
                if (schedule == null) {
                    out.println("  institution none named (a paid claim without one goes back to the reserve)");
                } else {
                    schedule.lines(p).forEach(out::println);
                }
            }
            out.printf("  submitted  %s%n  evidence   %s%n  history    %s%n", Timestamps.format(c.submittedAt.longValue()), evidence,
                    String.join(" → ", history.stream().map(ChainEvent::name).toList()));
            return ExitCodes.OK;
        }
    }
}
