package dev.huzhu.cli.pool;

import dev.huzhu.privacy.AccountKey;
import dev.huzhu.privacy.StoreClient;
import java.io.PrintWriter;

/** A review's text into the document store after the rating: signed by a public reviewer, unsigned for an anonymous one. */
final class ReviewText {
    private ReviewText() {}

    /** Uploads {@code text} (nothing when null); a store that cannot take it is a note: the rating stands. */
    static void publish(StoreClient store, byte[] text, String plan, AccountKey signer, PrintWriter err) {
        if (text == null) {
            return;
        }
        try {
            if (signer != null) {
                store.put(text, plan, signer);
            } else {
                store.putAnchored(text, null);
            }
        } catch (StoreClient.StoreException e) {
            err.println("  note: the rating is on chain, but its review text is not in a store: " + e.getMessage());
            err.flush();
        }
    }
}
