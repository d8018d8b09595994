package dev.huzhu.indexer;

import dev.huzhu.protocol.EventArgs;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.Map;

/**
 * Group purchases in the index (issue 13, migration V14): the factory's PurchaseCreated makes the purchase's row
 * (terms); pledges, funding, refunds, withdrawals, share offers and sales, bookings and cancellations keep the
 * purchase's books, the share ledger (group_accounts: sharesOf and creditOf of each account), the standing offers
 * (offerOf) and the booked slots (bookedBy), and append pledges and share sales. Scoped to the purchase.
 */
final class GroupProjections {
    static final Map<String, Projector.Handler> HANDLERS = Map.of(
            "PurchaseCreated", GroupProjections::created,
            "SharesPledged", GroupProjections::pledged,
            "PurchaseFunded", GroupProjections::funded,
            "PledgeRefunded", GroupProjections::refunded,
            "CreditWithdrawn", GroupProjections::withdrawn,
            "SharesOffered", GroupProjections::offered,
            "SharesSold", GroupProjections::sold,
            "SlotBooked", GroupProjections::booked,
            "BookingCancelled", GroupProjections::cancelled);
    static final Map<String, String> SCOPED_TABLES = Map.of("group_purchases", "address", "group_accounts", "purchase",
            "group_pledges", "purchase", "group_share_sales", "purchase", "group_offers", "purchase", "group_bookings", "purchase");
    private static final String[] ACCOUNT_KEY = {"chain_id", "purchase", "account"};
    private static final String[] PURCHASE_KEY = {"chain_id", "address"};

    private GroupProjections() {}

    static void created(SqlWriter w, long chainId, DecodedEvent e, String purchase) throws SQLException {
        EventArgs a = e.args();
        BigInteger price = a.uint("price");
        BigInteger sharePrice = a.uint("sharePrice");
        w.update("INSERT INTO group_purchases (chain_id, address, factory, purchase_id, seller, creator, token, price, share_price, total_shares, "
                        + "deadline, item_hash, created_block, created_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, purchase, e.contract(), a.longValue("purchaseId"), a.text("seller"), a.text("creator"), a.text("token"),
                price.toString(), sharePrice.toString(), price.divide(sharePrice).intValueExact(), a.longValue("deadline"), a.text("itemHash"),
                e.blockNumber(), e.blockTime());
    }

    static void pledged(SqlWriter w, long chainId, DecodedEvent e, String purchase) throws SQLException {
        EventArgs a = e.args();
        int shares = (int) a.longValue("shares");
        ScenarioProjections.append(w, "group_pledges", "purchase, participant, shares, amount, pledged_after", chainId, e, purchase,
                a.text("participant"), shares, a.uint("amount").toString(), (int) a.longValue("pledged"));
        w.update("UPDATE group_purchases SET pledged_shares = ? WHERE chain_id = ? AND address = ?", (int) a.longValue("pledged"), chainId, purchase);
        purchaseSums(w, chainId, purchase).add("pledged", a.uint("amount"));
        account(w, chainId, purchase, a.text("participant"), "shares = shares + ?, pledged_shares = pledged_shares + ?", shares, shares);
    }

    /** The last pledge funded the purchase: the seller is credited exactly the price. */
    static void funded(SqlWriter w, long chainId, DecodedEvent e, String purchase) throws SQLException {
        EventArgs a = e.args();
        w.update("UPDATE group_purchases SET funded_at = ?, funded_block = ? WHERE chain_id = ? AND address = ?",
                a.longValue("fundedAt"), e.blockNumber(), chainId, purchase);
        accountSums(w, chainId, purchase, a.text("seller")).add("credit", a.uint("price"));
    }

    /** An expired purchase's pledge pulled back: the participant's shares are gone (sharesOf = 0). */
    static void refunded(SqlWriter w, long chainId, DecodedEvent e, String purchase) throws SQLException {
        EventArgs a = e.args();
        w.update("UPDATE group_purchases SET refunded_shares = refunded_shares + ? WHERE chain_id = ? AND address = ?",
                (int) a.longValue("shares"), chainId, purchase);
        purchaseSums(w, chainId, purchase).add("refunded", a.uint("amount"));
        account(w, chainId, purchase, a.text("participant"), "shares = 0");
        accountSums(w, chainId, purchase, a.text("participant")).add("refunded", a.uint("amount"));
    }

    static void withdrawn(SqlWriter w, long chainId, DecodedEvent e, String purchase) throws SQLException {
        BigInteger amount = e.args().uint("amount");
        purchaseSums(w, chainId, purchase).add("withdrawn", amount);
        accountSums(w, chainId, purchase, e.args().text("account")).add("credit", amount.negate()).add("withdrawn", amount);
    }

    /** A standing offer (0 shares withdraws it). */
    static void offered(SqlWriter w, long chainId, DecodedEvent e, String purchase) throws SQLException {
        EventArgs a = e.args();
        w.update("DELETE FROM group_offers WHERE chain_id = ? AND purchase = ? AND seller = ? AND buyer = ?", chainId, purchase,
                a.text("seller"), a.text("buyer"));
        if (a.longValue("shares") > 0) {
            w.update("INSERT INTO group_offers (chain_id, purchase, seller, buyer, shares, price, offered_block) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    chainId, purchase, a.text("seller"), a.text("buyer"), (int) a.longValue("shares"), a.uint("price").toString(), e.blockNumber());
        }
    }

    /** An offer accepted: the shares move, the price is credited to the seller, the offer is gone. */
    static void sold(SqlWriter w, long chainId, DecodedEvent e, String purchase) throws SQLException {
        EventArgs a = e.args();
        int shares = (int) a.longValue("shares");
        String seller = a.text("seller");
        String buyer = a.text("buyer");
        ScenarioProjections.append(w, "group_share_sales", "purchase, seller, buyer, shares, price", chainId, e, purchase, seller, buyer,
                shares, a.uint("price").toString());
        account(w, chainId, purchase, seller, "shares = shares - ?", shares);
        account(w, chainId, purchase, buyer, "shares = shares + ?", shares);
        accountSums(w, chainId, purchase, seller).add("credit", a.uint("price"));
        purchaseSums(w, chainId, purchase).add("sales_total", a.uint("price"));
        w.update("DELETE FROM group_offers WHERE chain_id = ? AND purchase = ? AND seller = ? AND buyer = ?", chainId, purchase, seller, buyer);
    }

    static void booked(SqlWriter w, long chainId, DecodedEvent e, String purchase) throws SQLException {
        EventArgs a = e.args();
        w.update("INSERT INTO group_bookings (chain_id, purchase, slot, owner, season, block_number, block_time, tx_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, purchase, a.longValue("slot"), a.text("owner"), a.longValue("season"), e.blockNumber(), e.blockTime(), e.txHash());
    }

    static void cancelled(SqlWriter w, long chainId, DecodedEvent e, String purchase) throws SQLException {
        w.update("DELETE FROM group_bookings WHERE chain_id = ? AND purchase = ? AND slot = ?", chainId, purchase, e.args().longValue("slot"));
    }

    /** Changes an account's integer columns ({@code set}: an SQL SET list), its row made first if new. */
    private static void account(SqlWriter w, long chainId, String purchase, String account, String set, Object... values) throws SQLException {
        w.update("INSERT INTO group_accounts (chain_id, purchase, account) VALUES (?, ?, ?) ON CONFLICT (chain_id, purchase, account) DO NOTHING",
                chainId, purchase, account);
        Object[] params = java.util.Arrays.copyOf(values, values.length + 3);
        params[values.length] = chainId;
        params[values.length + 1] = purchase;
        params[values.length + 2] = account;
        w.update("UPDATE group_accounts SET " + set + " WHERE chain_id = ? AND purchase = ? AND account = ?", params);
    }

    /** An account's exact TEXT amounts (credit, refunded, withdrawn), added in Java; the row is made if new. */
    private static SqlWriter.TextSums accountSums(SqlWriter w, long chainId, String purchase, String account) {
        return w.textSums("group_accounts", ACCOUNT_KEY, chainId, purchase, account);
    }

    private static SqlWriter.TextSums purchaseSums(SqlWriter w, long chainId, String purchase) {
        return w.textSums("group_purchases", PURCHASE_KEY, chainId, purchase);
    }
}
