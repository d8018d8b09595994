package dev.huzhu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.DemoChain;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over the index of the demo scenario: answers, paging, validation (400), CORS, read-only. */
@ExtendWith(HardhatNodeExtension.class)
class WebApiIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void servesThePlanItsPaidClaimAndTheMembersRecords(HardhatNode node) throws Exception {
        DemoChain.Run demo = DemoChain.on(node);
        String plan = demo.outcome().poolAddress().toLowerCase(Locale.ROOT);
        String claimant = demo.cast().claimant().getAddress().toLowerCase(Locale.ROOT);
        IndexDatabase db = IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("api.db"));
        try (ChainSource source = new ChainSource(node.rpcUrl());
             Indexer indexer = new Indexer(db, source, demo.chainId(),
                     IndexerSettings.of(List.of(demo.outcome().factoryAddress()), List.of(), 0, 0, Finality.LATEST), EventDecoder.packaged(), null)) {
            indexer.run(true, () -> false);
        }
        try (WebServer server = WebServer.start(db, demo.chainId(), "127.0.0.1", 0)) {
            String base = server.url();

            JsonNode plans = ok(base + "api/plans?sort=reserve&order=desc");
            assertEquals(1, plans.get("total").asInt());
            assertEquals(plan, plans.get("items").get(0).get("address").asText());
            assertEquals("344000000", plans.get("items").get(0).get("reserve").asText());
            assertEquals(100, plans.get("items").get(0).get("feeBps").asInt());

            JsonNode detail = ok(base + "api/plans/" + demo.outcome().poolAddress());
            assertEquals("paid", detail.get("claims").get(0).get("status").asText());
            assertEquals(5, detail.get("members").size());
            assertEquals("250000000", detail.get("payouts").get(0).get("amount").asText());

            JsonNode paid = ok(base + "api/claims?plan=" + plan + "&status=paid");
            assertEquals(1, paid.get("total").asInt());
            assertEquals(claimant, paid.get("items").get(0).get("claimant").asText());
            assertEquals(0, ok(base + "api/claims?status=Rejected").get("total").asInt());

            JsonNode records = ok(base + "api/members/" + claimant + "/records");
            assertEquals(1, records.get("memberships").size());
            assertEquals("250000000", records.get("payouts").get(0).get("amount").asText());
            assertEquals("paid", records.get("claims").get(0).get("status").asText());
            assertTrue(records.get("pointsByPlan").isArray(), "points per plan, never one total across plans");
            String list = records.get("deposits").size() > 0 ? "deposits" : "contributions";
            assertTrue(records.get(list).size() > 0, "the claimant has " + list);
            JsonNode firstPage = ok(base + "api/members/" + claimant + "/records?limit=1");
            assertEquals(1, firstPage.get(list).size(), "one page of one row");
            assertEquals(records.get(list).get(0), firstPage.get(list).get(0), "newest first");
            if (records.get(list).size() > 1) {
                assertEquals(records.get(list).get(1), ok(base + "api/members/" + claimant + "/records?limit=1&offset=1").get(list).get(0));
            }
            assertEquals(1, ok(base + "api/plans/" + plan + "?limit=1").get("members").size());
            // the plan's lists page too: the second member alone, as the full list has it
            JsonNode allMembers = ok(base + "api/plans/" + plan).get("members");
            assertEquals(allMembers.get(1), ok(base + "api/plans/" + plan + "?limit=1&offset=1").get("members").get(0));

            JsonNode page = ok(base + "api/payouts?limit=1&offset=0");
            assertEquals(1, page.get("items").size());
            assertEquals(1, page.get("limit").asInt());
            assertEquals(0, ok(base + "api/payouts?limit=1&offset=1").get("items").size());

            JsonNode stats = ok(base + "api/stats");
            assertEquals(1, stats.get("claimsPaid").asInt());
            assertEquals("synced", stats.get("sync").get("state").asText());

            // bad input: 400 with a message naming the problem
            assertError(base + "api/members/0x1234/records", 400, "member address must be 0x and 40 hex digits, got '0x1234'");
            assertError(base + "api/claims?status=Bogus", 400, "status must be one of");
            // the contract's ClaimStatus (contracts/pool/PoolTypes.sol) is the only spelling: no "Final" the contract lacks
            assertError(base + "api/claims?status=Final", 400, "status must be one of Submitted, Approved, Rejected, Disputed, Paid, Denied, got 'Final'");
            assertError(base + "api/payouts?limit=0", 400, "limit must be between 1 and 500, got 0");
            assertError(base + "api/payouts?limit=ten", 400, "limit must be a whole number, got 'ten'");
            assertError(base + "api/plans?colour=red", 400, "unknown parameter 'colour'");
            assertError(base + "api/plans/" + "0x" + "ab".repeat(20), 404, "no plan at");
            assertError(base + "api/elsewhere", 404, "no such endpoint");

            // CORS for reads; the API is read-only
            HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/stats")).header("Origin", "https://example.org").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/plans"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, preflight.statusCode());
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/plans"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD, OPTIONS", post.headers().firstValue("Allow").orElse(""));
            HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/stats"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertEquals(1, ok(base + "api/plans/").get("total").asInt(), "a trailing slash is the same path");

            // the page's views are #/… fragments: a path that is not the page or one of its files is a 404
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(base + "plan/" + plan)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> html = HTTP.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, html.statusCode());
            assertTrue(html.body().contains("<html lang=\"en\">"));
            HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(URI.create(base + "app.js")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
            assertEquals(new String(WebApiIT.class.getResourceAsStream("/web/app.js").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    script.body());
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(base + "nothing-here.js")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    private static JsonNode ok(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + " -> " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    private static void assertError(String url, int status, String messageStart) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), url + " -> " + r.body());
        String error = JSON.readTree(r.body()).get("error").asText();
        assertTrue(error.startsWith(messageStart), url + " -> " + error);
    }
}
