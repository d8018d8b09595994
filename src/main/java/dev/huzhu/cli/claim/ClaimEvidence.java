package dev.huzhu.cli.claim;

import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.StoreOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.privacy.EvidenceBundle;
import dev.huzhu.privacy.EvidenceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code huzhu claim evidence CLAIM --out DIR}: decrypts the claim's evidence for a holder of a key wrap. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = {"Decrypt a claim's encrypted evidence into DIR, with your account's key. Works for the claimant, the assessors, "
                + "granted readers and drawn jurors granted a key; anyone else gets \"not granted\" (exit 10). Sends nothing.",
                "Every document is checked twice: its hash against the id on chain, and its AES-GCM tag (a changed byte: exit 11)."},
        footer = {"", "Examples:", "  huzhu claim evidence 1 --plan 0 --out ./claim-1 --account assessor1"})
public final class ClaimEvidence extends ClaimTx {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the files (created; existing files are never overwritten)")
    Path out;

    @Mixin StoreOptions store;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var client = store.client(Session.of(spec));
        return plan.run((p, flow) -> {
            EvidenceReader reader = new EvidenceReader(EvidenceSetup.ledger(p), client);
            List<EvidenceReader.Opened> opened = reader.open(p.plan(), id, flow.accountKey());
            List<String> written = new ArrayList<>();
            java.util.Map<String, byte[]> all = new java.util.LinkedHashMap<>();
            for (EvidenceReader.Opened o : opened) {
                for (var f : o.files().entrySet()) {
                    String name = all.containsKey(f.getKey()) ? o.cid().toString().substring(0, 12) + "-" + f.getKey() : f.getKey();
                    all.put(name, f.getValue());
                }
            }
            for (Path w : EvidenceBundle.writeTo(all, out)) {
                written.add(w.toString());
            }
            return new PlanTx.Outcome("decrypted " + opened.size() + " document(s) of claim #" + id + " into " + out + ": "
                    + String.join(", ", all.keySet()),
                    Json.object("claimId", id.longValue(), "documents", opened.stream().map(o -> o.cid().toString()).toList(), "files", written));
        });
    }
}
