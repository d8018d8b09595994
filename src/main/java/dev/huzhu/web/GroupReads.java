package dev.huzhu.web;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Group purchases (/api/groups): each purchase's terms and books as its views say them — terms(), totalShares(),
 * progress() (shares pledged, funding time), status() at the indexed time, what the escrow holds (its token
 * balance: pledges + share sales − refunds − withdrawals) — and, for one purchase, the share ledger (sharesOf,
 * creditOf of each account), the standing offers (offerOf), the booked slots (bookedBy), pledges and share sales.
 */
final class GroupReads {
    private static final String COLUMNS = "address, purchase_id, factory, seller, creator, token, price, share_price, total_shares, deadline, item_hash, "
            + "created_block, created_time, pledged_shares, pledged, funded_at, funded_block, refunded_shares, refunded, sales_total, withdrawn, "
            + "(SELECT COUNT(*) FROM group_accounts a WHERE a.chain_id = group_purchases.chain_id AND a.purchase = group_purchases.address "
            + "AND a.pledged_shares > 0) AS participants, "
            + "(SELECT COUNT(*) FROM group_accounts a WHERE a.chain_id = group_purchases.chain_id AND a.purchase = group_purchases.address "
            + "AND a.shares > 0) AS owners, "
            + "(SELECT COUNT(*) FROM group_bookings b WHERE b.chain_id = group_purchases.chain_id AND b.purchase = group_purchases.address) AS booked_slots, "
            + "(SELECT a.withdrawn FROM group_accounts a WHERE a.chain_id = group_purchases.chain_id AND a.purchase = group_purchases.address "
            + "AND a.account = group_purchases.seller) AS seller_withdrawn, " + ScenarioReads.term("group_purchases", "slot_length") + ", "
            + ScenarioReads.term("group_purchases", "slots_per_season") + ", " + ScenarioReads.tokenColumns("group_purchases");

    private final long chainId;

    GroupReads(long chainId) {
        this.chainId = chainId;
    }

    Map<String, Object> purchases(Connection c, int limit, int offset) throws SQLException {
        long total = Rows.count(c, "SELECT COUNT(*) FROM group_purchases WHERE chain_id = ?", chainId);
        Map<String, Object> asOf = ScenarioReads.asOf(c, chainId);
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT " + COLUMNS + " FROM group_purchases WHERE chain_id = ? "
                + "ORDER BY created_block DESC, address LIMIT ? OFFSET ?", chainId, limit, offset)) {
            out.add(withBooks(r, asOf));
        }
        Map<String, Object> page = ReadModel.page(out, total, limit, offset);
        page.put("asOf", asOf);
        return page;
    }

    /** One purchase: books, co-owners and credits, offers, and pages (newest first) of bookings, pledges and share sales. */
    Map<String, Object> purchase(Connection c, String address, int limit, int offset) throws SQLException {
        List<Map<String, Object>> rows = Rows.query(c, "SELECT " + COLUMNS + " FROM group_purchases WHERE chain_id = ? AND address = ?", chainId, address);
        if (rows.isEmpty()) {
            throw new NotFound("no group purchase at " + address + " on chain " + chainId);
        }
        Map<String, Object> asOf = ScenarioReads.asOf(c, chainId);
        Map<String, Object> p = withBooks(rows.get(0), asOf);
        // the share ledger: every account with shares or credit (the seller's price, sale proceeds), most shares first
        p.put("accounts", Rows.query(c, "SELECT account, shares, pledged_shares, credit, withdrawn, refunded FROM group_accounts "
                + "WHERE chain_id = ? AND purchase = ? ORDER BY shares DESC, account", chainId, address));
        p.put("offers", Rows.query(c, "SELECT seller, buyer, shares, price, offered_block FROM group_offers WHERE chain_id = ? AND purchase = ? "
                + "ORDER BY offered_block, seller, buyer", chainId, address));
        p.put("bookings", ReadModel.page(Rows.query(c, "SELECT slot, season, owner, block_number, block_time, tx_hash FROM group_bookings "
                + "WHERE chain_id = ? AND purchase = ? ORDER BY slot LIMIT ? OFFSET ?", chainId, address, limit, offset),
                Rows.count(c, "SELECT COUNT(*) FROM group_bookings WHERE chain_id = ? AND purchase = ?", chainId, address), limit, offset));
        p.put("pledges", ReadModel.page(Rows.query(c, "SELECT participant, shares, amount, pledged_after, block_number, block_time, tx_hash "
                + "FROM group_pledges WHERE chain_id = ? AND purchase = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?",
                chainId, address, limit, offset),
                Rows.count(c, "SELECT COUNT(*) FROM group_pledges WHERE chain_id = ? AND purchase = ?", chainId, address), limit, offset));
        p.put("sales", ReadModel.page(Rows.query(c, "SELECT seller, buyer, shares, price, block_number, block_time, tx_hash FROM group_share_sales "
                + "WHERE chain_id = ? AND purchase = ? ORDER BY block_number DESC, log_index DESC LIMIT ? OFFSET ?", chainId, address, limit, offset),
                Rows.count(c, "SELECT COUNT(*) FROM group_share_sales WHERE chain_id = ? AND purchase = ?", chainId, address), limit, offset));
        p.put("asOf", asOf);
        return p;
    }

    private static Map<String, Object> withBooks(Map<String, Object> row, Map<String, Object> asOf) {
        Map<String, Object> p = new LinkedHashMap<>(row);
        BigInteger held = ScenarioReads.amount(row.get("pledged")).add(ScenarioReads.amount(row.get("salesTotal")))
                .subtract(ScenarioReads.amount(row.get("refunded"))).subtract(ScenarioReads.amount(row.get("withdrawn")));
        p.put("held", held.toString());
        p.put("status", status(row, ScenarioReads.time(asOf)));
        // the seller pulled the whole price (funded, and its withdrawals reached the price)
        p.put("sellerPaid", row.get("fundedAt") != null
                && ScenarioReads.amount(row.get("sellerWithdrawn")).compareTo(ScenarioReads.amount(row.get("price"))) >= 0);
        p.remove("sellerWithdrawn");
        return p;
    }

    /** status(): FUNDED once every share was pledged; else EXPIRED from the deadline on (at the indexed time); else PLEDGING. */
    static String status(Map<String, Object> row, long now) {
        if (row.get("fundedAt") != null) {
            return "FUNDED";
        }
        return now >= ((Number) row.get("deadline")).longValue() ? "EXPIRED" : "PLEDGING";
    }
}
