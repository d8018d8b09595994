package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.huzhu.contracts.MatchingRound;
import java.math.BigInteger;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A matching round served by the API against its own views (web3j wrapper): terms(), poolBooks(), totalSquares(),
 * and for each admitted campaign admitted(c), matchPaid(c) and matchOf(c) (the match it would be paid now) or the
 * match it was paid; its state from terms() and CLAIM_WINDOW() at the chain's time. Returns the browser script's spec.
 */
final class RoundViews {
    private RoundViews() {}

    static String check(CliWorld w, ServedIndex served, String address) throws Exception {
        MatchingRound r = MatchingRound.load(address, w.web3j, new ReadonlyTransactionManager(w.web3j, address), new DefaultGasProvider());
        JsonNode api = served.get("api/rounds/" + address.toLowerCase());
        String tag = address + " ";
        var terms = r.terms().send();
        assertEquals(terms.component1().toLowerCase(), api.get("token").asText(), tag + "token");
        assertEquals(terms.component2().toLowerCase(), api.get("sponsor").asText(), tag + "sponsor");
        assertEquals(terms.component4().longValue(), api.get("startsAt").asLong(), tag + "starts");
        assertEquals(terms.component5().longValue(), api.get("endsAt").asLong(), tag + "ends");
        var books = r.poolBooks().send();
        assertEquals(books.component1().toString(), api.get("pool").asText(), tag + "pool");
        assertEquals(books.component2().toString(), api.get("paid").asText(), tag + "paid");
        assertEquals(r.totalSquares().send().toString(), api.get("totalSquares").asText(), tag + "totalSquares");
        long now = w.web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValue();
        long ends = terms.component5().longValue();
        String state = now < terms.component4().longValue() ? "UPCOMING" : now < ends ? "OPEN"
                : now < ends + r.CLAIM_WINDOW().send().longValue() ? "MATCHING" : "CLOSED";
        assertEquals(state, api.get("state").asText(), tag + "state at the chain's time " + now);
        ObjectNode matches = new ObjectMapper().createObjectNode();
        for (JsonNode k : api.get("campaigns")) {
            String campaign = k.get("campaign").asText();
            assertEquals(true, r.admitted(campaign).send(), tag + campaign + " admitted");
            boolean paid = r.matchPaid(campaign).send();
            assertEquals(paid, k.get("paid").asBoolean(), tag + campaign + " match paid");
            assertEquals(r.matchOf(campaign).send().toString(), k.get("matchOf").asText(), tag + campaign + " matchOf");
            ObjectNode m = matches.putObject(campaign);
            m.put("paid", paid);
            m.put("amount", paid ? k.get("matchPaid").asText() : r.matchOf(campaign).send().toString());
        }
        assertEquals(Long.parseLong(api.get("admitted").asText()), api.get("campaigns").size(), tag + "admissions");
        ObjectNode spec = new ObjectMapper().createObjectNode();
        spec.put("address", address.toLowerCase());
        spec.put("state", state);
        spec.put("totalSquares", r.totalSquares().send().toString());
        spec.set("matches", matches);
        return spec.toString();
    }

    /** The campaign's match as MatchPaid paid it (the API's), in base units. */
    static BigInteger paidMatch(ServedIndex served, String round, String campaign) {
        for (JsonNode k : served.get("api/rounds/" + round.toLowerCase()).get("campaigns")) {
            if (k.get("campaign").asText().equalsIgnoreCase(campaign)) {
                return k.get("paid").asBoolean() ? new BigInteger(k.get("matchPaid").asText()) : BigInteger.ZERO;
            }
        }
        throw new AssertionError(campaign + " is not in round " + round);
    }
}
