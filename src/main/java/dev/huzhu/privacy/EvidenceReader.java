package dev.huzhu.privacy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a claim's evidence for one reader: for every document the claim lists on chain, the reader's
 * wrap (or "not granted"), the ciphertext from the store (hash checked), the content key unwrapped with
 * the reader's account key, AES-GCM decryption, the files.
 */
public final class EvidenceReader {
    private final EvidenceLedger ledger;
    private final StoreClient store;

    public EvidenceReader(EvidenceLedger ledger, StoreClient store) {
        this.ledger = ledger;
        this.store = store;
    }

    /** One opened document: its id and its files by name. */
    public record Opened(Cid cid, Map<String, byte[]> files) {}

    public List<Opened> open(String plan, BigInteger claimId, AccountKey reader) {
        List<byte[]> docs = ledger.documents(plan, claimId);
        if (docs.isEmpty()) {
            throw new dev.huzhu.protocol.NotFoundException("claim #" + claimId + " of plan " + plan + " has no encrypted evidence on chain");
        }
        Map<String, byte[]> wraps = ledger.wrapsFor(plan, claimId, reader.address());
        List<Opened> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Cid cid = new Cid(docs.get(i));
            byte[] wrap = wraps.get(cid.digestHex());
            if (wrap == null) {
                throw new KeyWrap.NotGranted(reader.address() + " is not granted document " + (i + 1) + " of claim #" + claimId
                        + " (" + cid + "): ask the claimant (`huzhu claim grant`)");
            }
            byte[] key = KeyWrap.unwrap(wrap, reader);
            byte[] ciphertext = store.require(cid, "evidence document");
            out.add(new Opened(cid, new LinkedHashMap<>(EvidenceBundle.unpack(SealedDocument.open(ciphertext, key)))));
        }
        return out;
    }

    /** The content key of one document for a reader who holds a wrap (to re-wrap it for a juror). */
    public byte[] contentKey(String plan, BigInteger claimId, Cid cid, AccountKey reader) {
        byte[] wrap = ledger.wrapsFor(plan, claimId, reader.address()).get(cid.digestHex());
        if (wrap == null) {
            throw new KeyWrap.NotGranted(reader.address() + " holds no key to " + cid + " of claim #" + claimId + ", so cannot pass it on");
        }
        return KeyWrap.unwrap(wrap, reader);
    }
}
