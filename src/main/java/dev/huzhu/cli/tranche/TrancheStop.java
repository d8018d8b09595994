package dev.huzhu.cli.tranche;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.claim.ClaimId;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.TrancheEscrow;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code huzhu tranche stop CLAIM}: the student stopped; the unreleased rest goes back to the reserve. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop a paid EDUCATION claim's schedule: no more tranches, the unreleased rest goes back to the plan's reserve. The student stops any time; anyone once the current term lapsed, or when no institution was named.",
        footer = {"", "Examples:", "  huzhu tranche stop 1 --plan 0 --account alice", "  huzhu tranche stop 1 --plan 0 --account anyone --yes --json"})
public final class TrancheStop implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Parameters(index = "0", paramLabel = "CLAIM", description = "claim id (3 or #3)", converter = ClaimId.class)
    BigInteger id;

    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            TrancheEscrow escrow = PlanEscrow.of(p, flow.from());
            SentTransaction sent = flow.send(escrow.getContractAddress(), PlanAction.data(escrow.stop(p.plan(), id)),
                    "stop the tranches of claim #" + id + " of plan " + p.plan());
            List<ChainEvent> events = p.chain().events(sent);
            BigInteger returned = events.stream().filter(e -> e.name().equals("UnreleasedReturned")).findFirst()
                    .map(e -> e.number("amount")).orElse(BigInteger.ZERO);
            return new PlanTx.Outcome("stopped claim #" + id + "; " + p.token().format(returned) + " back to the reserve; " + TxFlow.line(sent),
                    Json.object("claimId", id.longValue(), "returned", p.token().format(returned).split(" ")[0], "tx", TxFlow.json(sent)));
        });
    }
}
