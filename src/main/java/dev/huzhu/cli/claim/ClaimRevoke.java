package dev.huzhu.cli.claim;

import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huzhu claim revoke CLAIM --reader WHO}: documents added from now on are not wrapped for them. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a reader of your claim's evidence (an on-chain event). What they already decrypted cannot be taken back; "
                + "documents you add afterwards (claim add-evidence) have new keys that are not wrapped for them.",
        footer = {"", "Examples:", "  huzhu claim revoke 1 --plan 0 --reader 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --account alice"})
public final class ClaimRevoke extends ClaimTx {
    @Option(names = "--reader", required = true, paramLabel = "ADDRESS|ACCOUNT", description = "the reader to revoke")
    String reader;

    @Override
    public Integer call() {
        String who = plan.addressOf(reader, "--reader");
        return plan.run((p, flow) -> {
            var ledger = EvidenceSetup.ledger(p);
            SentTransaction sent = flow.send(ledger.address(), PlanAction.data(ledger.contract().revoke(p.plan(), id, who)),
                    "revoke " + who + " from the evidence of claim #" + id);
            return new PlanTx.Outcome("revoked " + who + " from the evidence of claim #" + id + "; " + TxFlow.line(sent),
                    Json.object("claimId", id.longValue(), "reader", who, "tx", TxFlow.json(sent)));
        });
    }
}
