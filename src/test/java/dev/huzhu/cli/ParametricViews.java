package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.contracts.ParametricPlan;
import java.math.BigInteger;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A parametric plan served by the API against its own views (web3j wrapper): oracle(), token(), payout(), reserve(),
 * credited(), memberCount(), the plan's token balance (reserve + credited), memberOf(m) of every member, and for each
 * attestation disasterOf(event, region) (event time, window end, severity), whether its window is open at the chain's
 * time, and how many members hasClaimed it. Returns the browser script's spec.
 */
final class ParametricViews {
    private ParametricViews() {}

    static String check(CliWorld w, ServedIndex served, String address) throws Exception {
        var ro = new ReadonlyTransactionManager(w.web3j, address);
        ParametricPlan p = ParametricPlan.load(address, w.web3j, ro, new DefaultGasProvider());
        JsonNode api = served.get("api/parametric/" + address.toLowerCase());
        String tag = address + " ";
        assertEquals(p.oracle().send().toLowerCase(), api.get("oracle").asText(), tag + "oracle");
        assertEquals(p.token().send().toLowerCase(), api.get("token").asText(), tag + "token");
        assertEquals(p.payout().send().toString(), api.get("payout").asText(), tag + "payout");
        // the terms no event carries, read once by eth_call (V17)
        assertEquals(p.contribution().send().toString(), api.get("contribution").asText(), tag + "contribution");
        assertEquals(p.period().send().longValue(), api.get("periodSeconds").asLong(), tag + "period");
        assertEquals(p.waitingPeriod().send().longValue(), api.get("waitingSeconds").asLong(), tag + "waiting period");
        assertEquals(p.claimWindow().send().longValue(), api.get("windowSeconds").asLong(), tag + "claim window");
        assertEquals(p.minSeverity().send().longValue(), api.get("minSeverity").asLong(), tag + "least severity");
        assertEquals(p.maxPeriods().send().longValue(), api.get("maxPeriods").asLong(), tag + "most periods");
        MockUSD token = MockUSD.load(p.token().send(), w.web3j, ro, new DefaultGasProvider());
        assertEquals(token.symbol().send(), api.get("tokenSymbol").asText(), tag + "token symbol");
        assertEquals(token.decimals().send().longValue(), api.get("tokenDecimals").asLong(), tag + "token decimals");
        BigInteger reserve = p.reserve().send();
        BigInteger credited = p.credited().send();
        assertEquals(reserve.toString(), api.get("reserve").asText(), tag + "reserve");
        assertEquals(credited.toString(), api.get("credited").asText(), tag + "credited");
        assertEquals(p.memberCount().send().longValue(), api.get("members").asLong(), tag + "members");
        assertEquals(MockUSD.load(p.token().send(), w.web3j, ro, new DefaultGasProvider()).balanceOf(address).send(), reserve.add(credited),
                tag + "the plan holds its reserve and the credited payouts");
        ObjectNode credits = new ObjectMapper().createObjectNode();
        java.util.List<String> members = new java.util.ArrayList<>();
        for (JsonNode m : api.get("memberList").get("items")) {
            String member = m.get("member").asText();
            var view = p.memberOf(member).send();
            assertEquals(view.region.longValue(), m.get("region").asLong(), tag + member + " region");
            assertEquals(view.coveredFrom.longValue(), m.get("coveredFrom").asLong(), tag + member + " covered from");
            assertEquals(view.coveredUntil.longValue(), m.get("coveredUntil").asLong(), tag + member + " covered until");
            assertEquals(view.index.longValue(), m.get("memberIndex").asLong(), tag + member + " index");
            assertEquals(view.credit.toString(), m.get("credit").asText(), tag + member + " credit");
            credits.put(member, view.credit.toString());
            members.add(member);
        }
        long now = w.web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValue();
        ArrayNode attestations = new ObjectMapper().createArrayNode();
        for (JsonNode a : api.get("attestations")) {
            BigInteger event = new BigInteger(a.get("eventId").asText());
            BigInteger region = BigInteger.valueOf(a.get("region").asLong());
            var d = p.disasterOf(event, region).send();
            assertEquals(d.eventTime.longValue(), a.get("eventTime").asLong(), tag + "event " + event + " time");
            assertEquals(d.windowEnd.longValue(), a.get("windowEnd").asLong(), tag + "event " + event + " window end");
            assertEquals(d.severity.longValue(), a.get("severity").asLong(), tag + "event " + event + " severity");
            boolean open = now <= d.windowEnd.longValue();
            assertEquals(open, a.get("open").asBoolean(), tag + "event " + event + " window open at the chain's time " + now);
            int claims = 0;
            for (String m : members) {
                claims += p.hasClaimed(event, region, m).send() ? 1 : 0;
            }
            assertEquals(claims, a.get("claims").asInt(), tag + "event " + event + " claims (hasClaimed)");
            ObjectNode x = attestations.addObject();
            x.put("event", event.toString());
            x.put("region", region.toString());
            x.put("open", String.valueOf(open));
            x.put("claims", String.valueOf(claims));
        }
        ObjectNode spec = new ObjectMapper().createObjectNode();
        spec.put("address", address.toLowerCase());
        spec.put("reserve", reserve.toString());
        spec.put("credited", credited.toString());
        spec.put("payoutsHeld", reserve.divide(p.payout().send()).toString());
        spec.put("members", p.memberCount().send().longValue());
        spec.put("decimals", MockUSD.load(p.token().send(), w.web3j, ro, new DefaultGasProvider()).decimals().send().intValue());
        spec.set("attestations", attestations);
        spec.set("credits", credits);
        return spec.toString();
    }
}
