package dev.huzhu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import dev.huzhu.indexer.TestDatabases;
import dev.huzhu.protocol.CloseReason;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.protocol.V3Story;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protocol v3 in the index and the API, on SQLite and PostgreSQL: paid and owed per claim, the
 * jury's outcome, a plan's wind-down and points per plan. Every expected figure is read from the
 * contracts' own views through the generated wrappers (claimPayment, owedQueue, juryOf, claimOf,
 * windDown, closeVotes, AidPoints.pointsOf) or from the token's balances.
 */
@ExtendWith(HardhatNodeExtension.class)
class V3ApiIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void paidOwedJuryWindDownAndPointsEqualTheContractsViews(String kind, HardhatNode node) throws Exception {
        V3Story s = V3Story.on(node);
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        try (ChainSource source = new ChainSource(node.rpcUrl());
             Indexer indexer = new Indexer(db, source, s.chainId, IndexerSettings.of(List.of(s.factory), List.of(), 0, 0, Finality.LATEST),
                     EventDecoder.packaged(), null)) {
            indexer.run(true, () -> false);
        }
        try (WebServer server = WebServer.start(db, s.chainId, "127.0.0.1", 0)) {
            String base = server.url();
            String owedPlan = lower(s.owedPlan);
            AidPool plan = s.plan(s.owedPlan);

            // ---- paid and owed per claim = claimPayment(id)
            JsonNode claims = ok(base + "api/claims?plan=" + owedPlan).get("items");
            assertEquals(3, claims.size());
            for (BigInteger id : List.of(s.owedClaim, s.juryClaim)) {
                JsonNode c = claim(claims, id);
                var payment = plan.claimPayment(id).send();
                assertEquals(payment.component1().toString(), c.get("paid").asText(), "paid of claim #" + id + " = claimPayment");
                assertEquals(payment.component2().toString(), c.get("owed").asText(), "owed of claim #" + id + " = claimPayment");
                assertEquals("paid", c.get("status").asText(), "claim #" + id + " is PAID on chain: " + plan.claimOf(id).send().status);
                assertEquals(5, plan.claimOf(id).send().status.intValue());
            }
            JsonNode first = claim(claims, s.owedClaim);
            assertTrue(new BigInteger(first.get("paid").asText()).signum() > 0 && new BigInteger(first.get("owed").asText()).signum() > 0,
                    "claim #1 was paid in part and still owes the rest: " + first);
            assertEquals(plan.claimOf(s.owedClaim).send().amount, new BigInteger(first.get("paid").asText()).add(new BigInteger(first.get("owed").asText())),
                    "paid + owed = the amount granted (1,000 requested, within the caps)");
            JsonNode second = claim(claims, s.juryClaim);
            assertEquals("0", second.get("paid").asText(), "queued behind #1: nothing paid yet");

            JsonNode detail = ok(base + "api/plans/" + owedPlan);
            var queue = plan.owedQueue().send();
            assertEquals(queue.component3().toString(), detail.get("owedTotal").asText(), "owed total = owedQueue().totalOwed");
            assertEquals(queue.component2().subtract(queue.component1()).intValue(), detail.get("owedClaims").asInt(), "owed claims = tail - head");
            assertEquals(plan.reserve().send().toString(), detail.get("reserve").asText(), "reserve = reserve()");
            assertEquals(claim(detail.get("claims"), s.owedClaim).get("owed"), first.get("owed"), "the plan's page says the same");

            // ---- a cost-sharing claim paid pro rata within the share cap: paid, owed, reserve and fees = the views
            AidPool shared = s.plan(s.sharedPlan);
            var sharedPayment = shared.claimPayment(s.sharedClaim).send();
            assertTrue(sharedPayment.component1().signum() > 0 && sharedPayment.component2().signum() > 0, "paid in part: " + sharedPayment);
            JsonNode sharedClaim = claim(ok(base + "api/claims?plan=" + lower(s.sharedPlan)).get("items"), s.sharedClaim);
            assertEquals(sharedPayment.component1().toString(), sharedClaim.get("paid").asText(), "cost sharing: paid = claimPayment");
            assertEquals(sharedPayment.component2().toString(), sharedClaim.get("owed").asText(), "cost sharing: owed = claimPayment");
            JsonNode sharedDetail = ok(base + "api/plans/" + lower(s.sharedPlan));
            assertEquals(shared.reserve().send().toString(), sharedDetail.get("reserve").asText(), "cost sharing: reserve = reserve() (dust, fromReserve)");
            assertEquals(shared.feesOwed().send().toString(), sharedDetail.get("fees").asText(), "cost sharing: fees = feesOwed()");
            assertEquals(shared.owedQueue().send().component3().toString(), sharedDetail.get("owedTotal").asText());

            // ---- the jury of claim #2 = juryOf / claimOf
            var jury = plan.juryOf(s.juryClaim).send();
            var juryClaim = plan.claimOf(s.juryClaim).send();
            assertEquals("ESCALATED", second.get("disputeKind").asText());
            assertEquals(jury.component1().intValue(), second.get("juryRound").asInt(), "round = juryOf().round");
            assertEquals(jury.component5().size(), second.get("jurySeats").asInt(), "seats = juryOf().jurors");
            assertEquals(3, second.get("juryQuorum").asInt(), "quorum of a 5-seat panel: 5 / 2 + 1");
            assertEquals(juryClaim.juryFor.intValue(), second.get("votesFor").asInt(), "votes for = claimOf().juryFor");
            assertEquals(juryClaim.juryAgainst.intValue(), second.get("votesAgainst").asInt());
            assertEquals(jury.component5().size(), second.get("juryReveals").asInt(), "every juror revealed");
            assertEquals("verdict-approved", second.get("juryOutcome").asText());
            assertTrue(second.get("juryFallback").isNull());

            // ---- claim #3: its jury was never drawn; the assessors' decision (none: denied) stood
            JsonNode fellBack = claim(claims, s.fellBackClaim);
            assertEquals(6, plan.claimOf(s.fellBackClaim).send().status.intValue(), "DENIED");
            assertEquals("denied", fellBack.get("status").asText());
            assertEquals("fell-back-denied", fellBack.get("juryOutcome").asText());
            assertEquals("not-drawn", fellBack.get("juryFallback").asText());
            assertFalse(plan.juryOf(s.fellBackClaim).send().component4(), "juryOf().drawn");
            assertTrue(fellBack.get("jurySeats").isNull(), "no seats drawn");

            // ---- the jurors' records: drawn, committed, revealed
            JsonNode jurorRecords = ok(base + "api/members/" + lower(s.jurors.get(0)) + "/records");
            JsonNode seat = jurorRecords.get("juries").get(0);
            assertEquals(s.juryClaim.longValue(), seat.get("claimId").asLong());
            assertTrue(seat.get("committed").asBoolean() && seat.get("revealed").asBoolean() && seat.get("approve").asBoolean(), seat.toString());
            assertEquals("0", seat.get("reward").asText(), "collected: an escalated claim approved has no losing bond to share");
            assertTrue(ok(base + "api/members/" + lower(s.jurors.get(1)) + "/records").get("juries").get(0).get("reward").isNull(), "not collected yet");

            // ---- points per plan, never one total: minted = AidPoints.pointsOf(plan, juror)
            assertFalse(jurorRecords.has("pointsTotal"), "no total across plans");
            // (the jury is drawn by a block hash, so the juror may be a member of the story's other plans too)
            JsonNode points = jurorRecords.get("pointsByPlan");
            boolean owedPlanListed = false;
            for (JsonNode entry : points) {
                String planOf = entry.get("plan").asText();
                BigInteger minted = s.points().pointsOf(planOf, s.jurors.get(0)).send();
                assertEquals(minted.toString(), entry.get("minted").asText(), "minted = AidPoints.pointsOf(" + planOf + ", juror)");
                owedPlanListed |= owedPlan.equals(planOf);
            }
            assertTrue(owedPlanListed, "the juror's points in the plan of the jury: " + points);
            assertTrue(s.points().pointsOf(s.owedPlan, s.jurors.get(0)).send().signum() > 0);
            assertEquals(java.util.stream.StreamSupport.stream(points.spliterator(), false).map(e -> e.get("plan").asText().toLowerCase(java.util.Locale.ROOT)).distinct().count(),
                    points.size(), "one row per plan");

            // ---- the claimant's records show paid and owed too
            JsonNode claimant = ok(base + "api/members/" + lower(s.claimant) + "/records");
            assertEquals(first.get("owed"), claim(claimant.get("claims"), s.owedClaim).get("owed"));
            assertEquals(first.get("paid"), claim(claimant.get("claims"), s.owedClaim).get("paid"));

            // ---- wind-down by the members' vote = windDown() / closeVotes()
            AidPool voted = s.plan(s.votedPlan);
            var wd = voted.windDown().send();
            var votes = voted.closeVotes().send();
            JsonNode w = ok(base + "api/plans/" + lower(s.votedPlan)).get("windDown");
            assertEquals(wd.component1(), w.get("closed").asBoolean(), "closed = windDown().closed");
            assertEquals(wd.component2().longValue(), w.get("closedAt").asLong(), "closedAt = windDown().closedAt");
            assertEquals(CloseReason.MEMBERS_VOTE.name(), w.get("closeReason").asText());
            assertEquals(wd.component3().intValue(), CloseReason.valueOf(w.get("closeReason").asText()).ordinal(), "reason = windDown().reason");
            assertEquals(wd.component4(), w.get("exitsOpen").asBoolean(), "exitsOpen = windDown().exitsOpen");
            assertEquals(wd.component5().toString(), w.get("exitPoolLeft").asText(), "pool not yet taken = windDown().exitPool");
            assertEquals(wd.component6().longValue(), w.get("exitSharesLeft").asLong(), "shares not yet taken = windDown().exitShares");
            assertEquals(votes.component2().intValue(), w.get("closeVotes").asInt(), "votes = closeVotes().votes");
            assertEquals(votes.component1().longValue(), w.get("closeRound").asLong(), "round = closeVotes().round");

            // the member who left got their balance and their reserve share: what the token moved to them
            JsonNode leaver = ok(base + "api/members/" + lower(s.leaver) + "/records");
            JsonNode membership = leaver.get("memberships").get(leaver.get("memberships").size() - 1);
            for (JsonNode m : leaver.get("memberships")) {
                if (m.get("plan").asText().equals(lower(s.votedPlan))) {
                    membership = m;
                }
            }
            assertNotNull(membership.get("exitShare"));
            BigInteger refund = BigInteger.ZERO;
            for (JsonNode d : leaver.get("deposits")) {
                if (d.get("plan").asText().equals(lower(s.votedPlan)) && d.get("kind").asText().equals("refund")) {
                    refund = new BigInteger(d.get("amount").asText());
                }
            }
            assertEquals(s.leaverReceived, refund.add(new BigInteger(membership.get("exitShare").asText())),
                    "refund + reserve share = the tokens the leaver received");
            assertTrue(membership.get("planClosed").asBoolean());

            // ---- closed by its creator before anyone joined
            JsonNode empty = ok(base + "api/plans/" + lower(s.emptyPlan)).get("windDown");
            assertEquals(s.plan(s.emptyPlan).windDown().send().component1(), empty.get("closed").asBoolean());
            assertEquals(CloseReason.CREATOR.name(), empty.get("closeReason").asText());
            assertFalse(empty.get("exitsOpen").asBoolean());
        }
    }

    private static String lower(String a) {
        return a.toLowerCase(Locale.ROOT);
    }

    private static JsonNode claim(JsonNode items, BigInteger id) {
        for (JsonNode c : items) {
            if (c.get("claimId").asLong() == id.longValue()) {
                return c;
            }
        }
        throw new AssertionError("no claim #" + id + " in " + items);
    }

    private static JsonNode ok(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + " -> " + r.body());
        return JSON.readTree(r.body());
    }
}
