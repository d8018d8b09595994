package dev.huzhu.cli.claim;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.math.BigInteger;

/** The shared report of actions that open a dispute. */
final class ClaimOutcomes {
    private ClaimOutcomes() {}

    static PlanTx.Outcome disputed(PlanAction p, BigInteger id, SentTransaction sent, SentTransaction approval, String verb) {
        ChainEvent e = p.chain().events(sent).stream().filter(x -> x.name().equals("ClaimDisputed")).findFirst().orElseThrow();
        long commitEnds = e.number("commitEndsAt").longValue();
        long revealEnds = e.number("revealEndsAt").longValue();
        return new PlanTx.Outcome(verb + " claim #" + id + ": the jury commits until " + Timestamps.format(commitEnds)
                + " and reveals until " + Timestamps.format(revealEnds) + "; " + TxFlow.line(sent),
                Json.object("claimId", id.longValue(), "commitEndsAt", commitEnds, "revealEndsAt", revealEnds,
                        "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
    }
}
