package dev.huzhu.cli.claim;

import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.StoreOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.privacy.Cid;
import dev.huzhu.privacy.EvidenceLedger;
import dev.huzhu.privacy.EvidenceReader;
import dev.huzhu.protocol.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code huzhu claim grant CLAIM --reader WHO | --jury}: wraps every document's key for a reader (an on-chain event). */
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = {"Let a reader decrypt a claim's evidence: every document's key is unwrapped with your key and wrapped for theirs "
                + "(their published key), on chain as EvidenceAccess events that reveal nothing of the content.",
                "The claimant may grant anyone. Once a jury is drawn, an assessor who holds the key (or the keeper the claimant authorised) "
                        + "may grant the drawn jurors (--jury): a claimant who refuses cannot stall the dispute."},
        footer = {"", "Examples:", "  huzhu claim grant 1 --plan 0 --reader 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --account alice",
                "  huzhu claim grant 1 --plan 0 --jury --account assessor1"})
public final class ClaimGrant extends ClaimTx {
    @Option(names = "--reader", paramLabel = "ADDRESS|ACCOUNT", description = "who may read")
    String reader;

    @Option(names = "--jury", description = "grant every drawn juror of the claim's dispute")
    boolean jury;

    @Mixin StoreOptions store;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (jury == (reader != null)) {
            throw new InvalidInputException("name one --reader, or --jury for the drawn jurors");
        }
        String who = reader == null ? null : plan.addressOf(reader, "--reader");
        var client = store.client(Session.of(spec));
        return plan.run((p, flow) -> {
            EvidenceLedger ledger = EvidenceSetup.ledger(p);
            List<String> targets = new ArrayList<>();
            if (who != null) {
                targets.add(who);
            } else {
                var j = dev.huzhu.chain.Calls.get(p.pool(flow.from()).juryOf(id));
                if (!j.component4()) {
                    throw new InvalidInputException("claim #" + id + " has no drawn jury yet");
                }
                j.component5().forEach(a -> targets.add(dev.huzhu.protocol.Address.checksum(a)));
            }
            List<byte[]> docs = ledger.documents(p.plan(), id);
            if (docs.isEmpty()) {
                throw new dev.huzhu.protocol.NotFoundException("claim #" + id + " of plan " + p.plan() + " has no encrypted evidence on chain");
            }
            EvidenceReader keys = new EvidenceReader(ledger, client);
            List<byte[]> contentKeys = new ArrayList<>();
            for (byte[] d : docs) {
                contentKeys.add(keys.contentKey(p.plan(), id, new Cid(d), flow.accountKey()));
            }
            List<String> granted = new ArrayList<>();
            List<Object> txs = new ArrayList<>();
            for (String t : targets) {
                byte[] pub = ledger.publicKey(t);
                if (pub == null) {
                    throw new InvalidInputException(t + " has published no encryption key: they run `huzhu member publish-key` first");
                }
                List<byte[]> wraps = contentKeys.stream().map(k -> dev.huzhu.privacy.KeyWrap.wrap(k, pub)).toList();
                SentTransaction sent = flow.send(ledger.address(), PlanAction.data(ledger.contract().grant(p.plan(), id, t, docs, wraps)),
                        "grant " + t + " the " + docs.size() + " evidence document(s) of claim #" + id);
                granted.add(t);
                txs.add(TxFlow.json(sent));
            }
            return new PlanTx.Outcome("granted " + String.join(", ", granted) + " the " + docs.size() + " evidence document(s) of claim #" + id,
                    Json.object("claimId", id.longValue(), "readers", granted, "documents", docs.size(), "txs", txs));
        });
    }
}
