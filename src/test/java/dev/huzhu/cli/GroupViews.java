package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.huzhu.contracts.GroupPurchase;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.protocol.PurchaseStatus;
import dev.huzhu.protocol.SolidityEnum;
import java.math.BigInteger;
import java.util.List;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A group purchase served by the API against its own views (web3j wrapper): terms(), totalShares(), progress(),
 * status(), the escrow's token balance, sharesOf/creditOf of every account, bookedBy of each booked slot, offerOf
 * of each standing offer. Returns what the page must show, as the browser script's JSON spec.
 */
final class GroupViews {
    private GroupViews() {}

    static String check(CliWorld w, ServedIndex served, String address, List<String> accounts) throws Exception {
        GroupPurchase p = GroupPurchase.load(address, w.web3j, new ReadonlyTransactionManager(w.web3j, address), new DefaultGasProvider());
        JsonNode api = served.get("api/groups/" + address.toLowerCase());
        String tag = address + " ";
        var terms = p.terms().send();
        assertEquals(terms.component1().toLowerCase(), api.get("token").asText(), tag + "token");
        assertEquals(terms.component2().toLowerCase(), api.get("seller").asText(), tag + "seller");
        assertEquals(terms.component3().toString(), api.get("price").asText(), tag + "price");
        assertEquals(terms.component4().toString(), api.get("sharePrice").asText(), tag + "share price");
        assertEquals(terms.component5().longValue(), api.get("deadline").asLong(), tag + "deadline");
        assertEquals(org.web3j.utils.Numeric.toHexString(terms.component8()), api.get("itemHash").asText(), tag + "item hash");
        assertEquals(p.totalShares().send().longValue(), api.get("totalShares").asLong(), tag + "total shares");
        assertEquals(terms.component6().longValue(), api.get("slotLength").asLong(), tag + "slot length (read once by eth_call, V17)");
        assertEquals(terms.component7().longValue(), api.get("slotsPerSeason").asLong(), tag + "slots per season");
        MockUSD token = MockUSD.load(terms.component1(), w.web3j, new ReadonlyTransactionManager(w.web3j, address), new DefaultGasProvider());
        assertEquals(token.symbol().send(), api.get("tokenSymbol").asText(), tag + "token symbol");
        assertEquals(token.decimals().send().longValue(), api.get("tokenDecimals").asLong(), tag + "token decimals");
        var progress = p.progress().send();
        assertEquals(progress.component1().longValue(), api.get("pledgedShares").asLong(), tag + "pledged shares");
        assertEquals(progress.component2().longValue(), api.path("fundedAt").asLong(0), tag + "funded at");
        String status = SolidityEnum.of(PurchaseStatus.class, p.status().send()).name();
        assertEquals(status, api.get("status").asText(), tag + "status");
        assertEquals(MockUSD.load(terms.component1(), w.web3j, new ReadonlyTransactionManager(w.web3j, address), new DefaultGasProvider())
                .balanceOf(address).send().toString(), api.get("held").asText(), tag + "held: the escrow's token balance");
        ObjectNode owners = new ObjectMapper().createObjectNode();
        int listed = 0;
        for (JsonNode a : api.get("accounts")) {
            String account = a.get("account").asText();
            assertEquals(p.sharesOf(account).send().longValue(), a.get("shares").asLong(), tag + account + " shares");
            assertEquals(p.creditOf(account).send().toString(), a.get("credit").asText(), tag + account + " credit");
            if (a.get("shares").asLong() > 0) {
                owners.put(account, a.get("shares").asLong());
            }
            listed++;
        }
        for (String name : accounts) { // everyone with shares or credit is listed
            String account = w.address(name).toLowerCase();
            boolean holds = p.sharesOf(account).send().signum() > 0 || p.creditOf(account).send().signum() > 0;
            boolean shown = false;
            for (JsonNode a : api.get("accounts")) {
                shown |= a.get("account").asText().equals(account) && (a.get("shares").asLong() > 0 || !a.get("credit").asText().equals("0"));
            }
            assertEquals(holds, shown, tag + name + " in the share ledger");
        }
        ObjectNode bookings = new ObjectMapper().createObjectNode();
        for (JsonNode b : api.get("bookings").get("items")) {
            assertEquals(p.bookedBy(BigInteger.valueOf(b.get("slot").asLong())).send().toLowerCase(), b.get("owner").asText(), tag + "slot " + b.get("slot"));
            bookings.put(b.get("slot").asText(), b.get("owner").asText());
        }
        for (JsonNode o : api.get("offers")) {
            var offer = p.offerOf(o.get("seller").asText(), o.get("buyer").asText()).send();
            assertEquals(offer.component1().longValue(), o.get("shares").asLong(), tag + "offer shares");
            assertEquals(offer.component2().toString(), o.get("price").asText(), tag + "offer price");
        }
        ObjectNode spec = new ObjectMapper().createObjectNode();
        spec.put("address", address.toLowerCase());
        spec.put("status", status);
        spec.put("pledged", progress.component1().longValue());
        spec.put("total", p.totalShares().send().longValue());
        spec.set("owners", owners);
        spec.set("bookings", bookings);
        spec.put("offers", api.get("offers").size());
        spec.put("accounts", listed);
        return spec.toString();
    }
}
