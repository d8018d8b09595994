package dev.huzhu.cli.pool;

import dev.huzhu.privacy.Cid;
import dev.huzhu.privacy.StoreClient;
import dev.huzhu.protocol.ChainText;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** A plan's published rules text in the document store: uploaded after the plan exists, read back and checked against the chain's hash. */
final class RulesDocument {
    private RulesDocument() {}

    /** Uploads the rules (no signature needed: the plan's rulesHash names them); a store that cannot take them is a note, not a failure. */
    static String publish(StoreClient store, String plan, byte[] text, PrintWriter err) {
        try {
            return store.putAnchored(text, plan).toString();
        } catch (StoreClient.StoreException e) {
            err.println("  note: the plan is created, but its rules text is not in a store: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /** What `pool show` says about the rules: the verified text, or why there is none. */
    record Shown(String status, String text, String id) {}

    /** Each line made safe to print (escapes and controls replaced), at most 200 lines of 500 characters. */
    static String safeLines(String text) {
        return text.lines().limit(200).map(l -> ChainText.safe(l, 500)).collect(java.util.stream.Collectors.joining("\n"));
    }

    static Shown read(StoreClient store, byte[] rulesHash) {
        if (Arrays.equals(rulesHash, new byte[32])) {
            return new Shown("none", null, null);
        }
        Cid cid = new Cid(rulesHash);
        try {
            Optional<byte[]> doc = store.get(cid);
            if (doc.isEmpty()) {
                return new Shown("not in the store at " + store.base(), null, cid.toString());
            }
            // the client re-hashed it: the text is the one whose sha2-256 the plan holds
            return new Shown("verified against the on-chain hash", safeLines(new String(doc.get(), StandardCharsets.UTF_8)), cid.toString());
        } catch (StoreClient.StoreException e) {
            return new Shown("unavailable: " + e.getMessage(), null, cid.toString());
        } catch (dev.huzhu.privacy.DocumentStore.TamperedDocument e) {
            return new Shown("REFUSED: " + e.getMessage(), null, cid.toString());
        }
    }
}
