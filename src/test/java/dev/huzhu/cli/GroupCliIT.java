package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.contracts.GroupPurchase;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * huzhu group … (issue 13): a 1,200 purchase in 12 shares of 100 funded by two pledges pays the
 * seller exactly 1,200; a co-owner books a slot (a second booking of it is refused in one line);
 * a share is offered and bought atomically. Figures against the purchase's views.
 */
@ExtendWith(HardhatNodeExtension.class)
class GroupCliIT {
    @Test
    void pledgesPayTheSellerSlotsAreBookedOnceASharesIsSold(HardhatNode node, @TempDir Path tmp) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            for (String who : new String[] {"alice", "bob", "carol"}) {
                w.ok("faucet", "1000", "--account", who, "--yes");
            }
            JsonNode created = w.okJson("group", "create", "--seller", "dave", "--price", "1200", "--share-price", "100", "--deadline", "7d",
                    "--item", "a tractor", "--slots-per-season", "12", "--account", "alice", "--yes");
            String purchase = created.get("purchase").asText();
            assertEquals(12, created.get("shares").asInt());
            assertEquals(false, w.okJson("group", "pledge", purchase, "7", "--account", "alice", "--yes").get("funded").asBoolean());
            JsonNode last = w.okJson("group", "pledge", purchase, "5", "--account", "bob", "--yes");
            assertEquals(true, last.get("funded").asBoolean());
            assertEquals("1200", w.okJson("group", "withdraw", purchase, "--account", "dave", "--yes").get("amount").asText(), "exactly the price");

            GroupPurchase p = GroupPurchase.load(purchase, w.web3j, new ReadonlyTransactionManager(w.web3j, purchase), new DefaultGasProvider());
            JsonNode shown = w.okJson("group", "show", purchase, "--owner", "alice");
            assertEquals("funded", shown.get("status").asText());
            assertEquals(p.progress().send().component1().longValue(), shown.get("pledged").asLong());
            assertEquals(p.quotaOf(w.address("alice")).send().longValue(), shown.get("owner").get("quota").asLong());
            assertEquals(7, shown.get("owner").get("shares").asInt());

            assertEquals(3, w.okJson("group", "book", purchase, "3", "--account", "alice", "--yes").get("slot").asInt());
            CliRunner.Result taken = w.cli.run("group", "book", purchase, "3", "--account", "bob", "--yes");
            assertEquals(ExitCodes.REVERTED, taken.exit(), taken.toString());
            assertTrue(taken.errLine().contains("slot taken"), taken.errLine());
            assertEquals(w.address("alice").toLowerCase(), p.bookedBy(BigInteger.valueOf(3)).send().toLowerCase());

            w.ok("group", "offer", purchase, "--to", "carol", "--shares", "1", "--price", "110", "--account", "alice", "--yes");
            JsonNode bought = w.okJson("group", "buy", purchase, "--from", "alice", "--shares", "1", "--price", "110", "--account", "carol", "--yes");
            assertEquals(1, bought.get("owned").asInt());
            assertEquals(BigInteger.valueOf(6), p.sharesOf(w.address("alice")).send());
            assertEquals("110", w.okJson("group", "withdraw", purchase, "--account", "alice", "--yes").get("amount").asText());
            w.ok("group", "book", purchase, "5", "--account", "bob", "--yes");
            w.ok("group", "offer", purchase, "--to", "bob", "--shares", "2", "--price", "150", "--account", "alice", "--yes"); // left standing

            // a second purchase expires unfunded: its pledge is refunded
            String drone = w.okJson("group", "create", "--seller", "dave", "--price", "900", "--share-price", "300", "--deadline", "1d",
                    "--item", "a survey drone", "--account", "carol", "--yes").get("purchase").asText();
            w.ok("group", "pledge", drone, "2", "--account", "carol", "--yes");
            w.advance(2 * 86_400);
            assertEquals("600", w.okJson("group", "refund", drone, "--account", "carol", "--yes").get("amount").asText());
            w.advance(1); // the next block's time: the index's clock for the status is past the deadline too

            // the index, the API and the page: every figure equals the purchases' views
            try (ServedIndex served = ServedIndex.of(w, "jdbc:sqlite:" + tmp.resolve("index.db"))) {
                assertEquals(2, served.get("api/groups").get("total").asInt());
                java.util.List<String> specs = new java.util.ArrayList<>();
                for (String address : new String[] {purchase, drone}) {
                    specs.add(GroupViews.check(w, served, address, java.util.List.of("alice", "bob", "carol", "dave")));
                }
                JsonNode tractor = served.get("api/groups/" + purchase.toLowerCase());
                assertTrue(served.get("api/groups/0x" + "0".repeat(40), 404).get("error").asText().startsWith("no group purchase at 0x000"));
                assertTrue(served.get("api/parametric/nope", 400).get("error").asText().contains("parametric plan address must be 0x and 40 hex digits"));
                assertTrue(served.get("api/rounds?limit=0", 400).has("error"));
                assertTrue(served.get("api/groups?color=red", 400).has("error"), "an unknown parameter");
                assertEquals(2, tractor.get("bookings").get("total").asInt(), "slots 3 and 5");
                assertEquals(1, tractor.get("sales").get("total").asInt());
                assertEquals(2, tractor.get("pledges").get("total").asInt());
                assertEquals(true, tractor.get("sellerPaid").asBoolean(), "dave withdrew the price");
                JsonNode expired = served.get("api/groups/" + drone.toLowerCase());
                assertEquals("600", new java.math.BigDecimal(expired.get("refunded").asText()).movePointLeft(6).toBigInteger().toString());
                // the page, in Chromium, English then Chinese at 390 px: statuses, shares, co-owners and bookings as the views say
                served.browser("scenario-pages.js", java.util.List.of("{\"groups\":[" + String.join(",", specs) + "]}"));
            }
            // a reorg replays scopes from their stored events: the same rows come out
            dev.huzhu.indexer.ScopeReplay.rebuildsTheSame("jdbc:sqlite:" + tmp.resolve("index.db"), 31337, dev.huzhu.indexer.ScopeReplay.SCENARIO_TABLES);
        }
    }
}
