package dev.huzhu.cli.claim;

import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.StoreOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.privacy.EvidenceBundle;
import dev.huzhu.privacy.SealedDocument;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code huzhu claim add-evidence CLAIM --evidence FILE…}: one more encrypted document, for the current readers only. */
@Command(name = "add-evidence", mixinStandardHelpOptions = true,
        description = "Add encrypted documents to your claim: a fresh key, wrapped for the claim's current readers only "
                + "(a revoked reader gets no wrap: key rotation).",
        footer = {"", "Examples:", "  huzhu claim add-evidence 1 --plan 0 --evidence discharge.pdf --account alice"})
public final class ClaimAddEvidence extends ClaimTx {
    @Option(names = "--evidence", required = true, paramLabel = "FILE", description = "a file to add (repeat for several)")
    List<Path> evidence;

    @Mixin StoreOptions store;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bundle = EvidenceBundle.pack(evidence);
        var client = store.client(Session.of(spec));
        return plan.run((p, flow) -> {
            var ledger = EvidenceSetup.ledger(p);
            List<String> readers = new java.util.ArrayList<>(ledger.readers(p.plan(), id));
            if (readers.stream().noneMatch(r -> r.equalsIgnoreCase(flow.from()))) {
                readers.add(0, flow.from());
            }
            SealedDocument sealed = SealedDocument.seal(bundle);
            EvidenceSetup.Wraps w = EvidenceSetup.wrapFor(ledger, sealed.contentKey(), readers, flow.accountKey());
            EvidenceSetup.warnMissing(spec.commandLine().getErr(), w.missing());
            client.put(sealed.ciphertext(), p.plan(), flow.accountKey());
            SentTransaction sent = flow.send(ledger.address(), PlanAction.data(ledger.contract().addDocument(p.plan(), id,
                    sealed.cid().digest(), w.readers(), w.wraps())), "add evidence " + sealed.cid() + " to claim #" + id);
            return new PlanTx.Outcome("added evidence " + sealed.cid() + " to claim #" + id + ", readable by " + String.join(", ", w.readers())
                    + "; " + TxFlow.line(sent),
                    Json.object("claimId", id.longValue(), "evidenceId", sealed.cid().toString(), "readers", w.readers(), "tx", TxFlow.json(sent)));
        });
    }
}
