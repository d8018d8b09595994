package dev.huzhu.cli.claim;

import dev.huzhu.cli.PlanAction;
import dev.huzhu.privacy.AccountKey;
import dev.huzhu.privacy.Cid;
import dev.huzhu.privacy.EvidenceBundle;
import dev.huzhu.privacy.EvidenceLedger;
import dev.huzhu.privacy.KeyWrap;
import dev.huzhu.privacy.SealedDocument;
import dev.huzhu.privacy.StoreClient;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.NotFoundException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The shared steps of the encrypted-evidence commands: the chain's EvidenceAccess, sealing and uploading, key wraps. */
final class EvidenceSetup {
    private EvidenceSetup() {}

    /** Readers with a published key and their wraps, in order; readers without a key are named in {@code missing}. */
    record Wraps(List<String> readers, List<byte[]> wraps, List<String> missing) {}

    static EvidenceLedger ledger(PlanAction p) {
        Deployment d = p.deployment();
        var c = d.contract(Deployment.EVIDENCE_ACCESS).orElseThrow(() -> new NotFoundException("the deployment of chain " + d.chainId()
                + " has no EvidenceAccess (encrypted evidence); run `huzhu deploy --force`"));
        return new EvidenceLedger(p.chain().web3j(), c.address(), c.block());
    }

    /** Zips, encrypts and uploads {@code files} (signed by {@code key}); only ciphertext leaves the machine. */
    static SealedDocument sealAndUpload(List<Path> files, StoreClient store, String plan, AccountKey key) {
        SealedDocument sealed = SealedDocument.seal(EvidenceBundle.pack(files));
        Cid cid = store.put(sealed.ciphertext(), plan, key);
        if (!cid.equals(sealed.cid())) {
            throw new IllegalStateException("the store's id " + cid + " is not the ciphertext's " + sealed.cid());
        }
        return sealed;
    }

    /** Wraps {@code contentKey} for each reader that published a public key, and for {@code self} with its own key (duplicates removed). */
    static Wraps wrapFor(EvidenceLedger ledger, byte[] contentKey, List<String> readers, AccountKey self) {
        List<String> with = new ArrayList<>();
        List<byte[]> wraps = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String r : readers) {
            if (!seen.add(r.toLowerCase(Locale.ROOT))) {
                continue;
            }
            r = dev.huzhu.protocol.Address.checksum(r);
            byte[] pub = r.equalsIgnoreCase(self.address()) ? self.publicKey() : ledger.publicKey(r);
            if (pub == null) {
                missing.add(r);
                continue;
            }
            with.add(r);
            wraps.add(KeyWrap.wrap(contentKey, pub));
        }
        return new Wraps(with, wraps, missing);
    }

    static void warnMissing(PrintWriter err, List<String> missing) {
        for (String m : missing) {
            err.println("  note: " + m + " has published no encryption key (`huzhu member publish-key`): not wrapped for; grant later with `huzhu claim grant`");
        }
        err.flush();
    }
}
