package dev.huzhu.demo;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.contracts.EvidenceAccess;
import dev.huzhu.privacy.AccountKey;
import dev.huzhu.privacy.Cid;
import dev.huzhu.privacy.DocumentStore;
import dev.huzhu.privacy.KeyPairAccountKey;
import dev.huzhu.privacy.KeyWrap;
import dev.huzhu.privacy.SealedDocument;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * The demo's evidence step (docs/privacy.md): the assessors publish their public keys, the claimant
 * encrypts the invoice on their machine (AES-256-GCM), keeps only the ciphertext in the document store,
 * puts the ciphertext's sha2-256 on chain as the claim's evidence hash, and wraps the key (ECIES) for
 * themself and the assessors; the assessors then open it with their own keys. Nothing of the invoice
 * reaches the chain, the index or the page.
 */
final class EvidenceDemo {
    private final ChainConnection chain;
    private final DemoScenario.Cast cast;
    private final StepLog log;
    private final DocumentStore store;
    private EvidenceAccess access;
    private SealedDocument sealed;

    EvidenceDemo(ChainConnection chain, DemoScenario.Cast cast, StepLog log, Path storeDir) {
        this.chain = chain;
        this.cast = cast;
        this.log = log;
        this.store = new DocumentStore(storeDir, DocumentStore.DEFAULT_MAX_BYTES);
    }

    /** Deploys EvidenceAccess, publishes the assessors' keys, encrypts and stores the evidence; returns the hash for the claim. */
    byte[] seal(String factory, byte[] evidence) throws Exception {
        access = EvidenceAccess.deploy(chain.web3j(), DemoScenario.sending(chain, cast.operator()), chain.gasProvider(), factory).send();
        log.tx("operator deployed EvidenceAccess (who may read which claim's evidence)", access.getTransactionReceipt().orElseThrow());
        for (Credentials a : cast.assessors()) {
            log.tx("assessor " + DemoScenario.shortAddr(a) + " published its public key", as(a).publishKey(key(a).publicKey()).send());
        }
        sealed = SealedDocument.seal(evidence);
        Cid cid = store.put(sealed.ciphertext());
        log.note("claimant encrypted the invoice locally (AES-256-GCM, fresh key); only the ciphertext is stored: " + cid);
        return cid.digest();
    }

    /** The claimant wraps the key for themself and the assessors; two assessors open the evidence. */
    void shareAndOpen(String plan, BigInteger claimId, byte[] expected) throws Exception {
        List<String> readers = new ArrayList<>();
        List<byte[]> wraps = new ArrayList<>();
        List<Credentials> all = new ArrayList<>();
        all.add(cast.claimant());
        all.addAll(cast.assessors());
        for (Credentials c : all) {
            readers.add(c.getAddress());
            // the claimant wraps for itself with its own key; the assessors' keys come from the chain (publishKey)
            byte[] pub = c == cast.claimant() ? key(c).publicKey() : access.publicKeyOf(c.getAddress()).send();
            wraps.add(KeyWrap.wrap(sealed.contentKey(), pub));
        }
        log.tx("claimant wrapped the key (ECIES secp256k1) for itself and the 3 assessors", as(cast.claimant())
                .addDocument(plan, claimId, sealed.cid().digest(), readers, wraps).send());
        for (Credentials a : cast.assessors().subList(0, 2)) {
            byte[] wrap = wraps.get(readers.indexOf(a.getAddress()));
            byte[] opened = SealedDocument.open(store.get(sealed.cid()).orElseThrow(), KeyWrap.unwrap(wrap, key(a)));
            log.note("assessor " + DemoScenario.shortAddr(a) + " opened the evidence with its own key: " + opened.length + " bytes, "
                    + (Arrays.equals(opened, expected) ? "identical to the claimant's file" : "DIFFERENT (bug)"));
        }
        try {
            KeyWrap.unwrap(wraps.get(1), key(cast.passerBy()));
        } catch (KeyWrap.NotGranted e) {
            log.note("the passer-by holds no wrap: its key opens nothing (not granted)");
        }
    }

    private EvidenceAccess as(Credentials who) {
        return EvidenceAccess.load(access.getContractAddress(), chain.web3j(), DemoScenario.sending(chain, who), chain.gasProvider());
    }

    private static AccountKey key(Credentials c) {
        return new KeyPairAccountKey(c.getEcKeyPair());
    }
}
