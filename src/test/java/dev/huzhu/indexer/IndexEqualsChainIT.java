package dev.huzhu.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.chain.ChainConnection;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoints;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.protocol.ClaimStatus;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.protocol.RandomPlanLife;
import dev.huzhu.protocol.SolidityEnum;
import dev.huzhu.web.WebServer;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Index equals chain (issue 11): seeded random lives of a PREPAID and a COST_SHARING plan
 * ({@link RandomPlanLife}: joins, deposits, withdrawals, leaves, settlements, claims approved or
 * rejected, finalizes, payOwed, advance, points minted, fees withdrawn, time passing), then a fresh
 * index on SQLite and on PostgreSQL, and every figure the API serves is compared with the plan's own
 * views read through the wrappers at the same block: reserve, fees owed, bonds held, active members,
 * claims; each member's balance, withdrawable amount, shares due and paid, status and points (pending
 * = memberOf().points, minted = AidPoints.pointsOf); each claim's status, paid and owed.
 * Expected values never come from the index. HUZHU_PROPERTY_RUNS (default 1) lives per model,
 * HUZHU_PROPERTY_STEPS (default 60) actions each, HUZHU_PROPERTY_SEED the first seed.
 */
@ExtendWith(HardhatNodeExtension.class)
class IndexEqualsChainIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("HUZHU_PROPERTY_RUNS", "1"));
    private static final int STEPS = Integer.parseInt(System.getenv().getOrDefault("HUZHU_PROPERTY_STEPS", "60"));
    private static final long SEED = Long.parseLong(System.getenv().getOrDefault("HUZHU_PROPERTY_SEED", "11"));

    private static RandomPlanLife.World world;
    private static List<RandomPlanLife> lives;

    @TempDir
    Path tmp;

    private static synchronized List<RandomPlanLife> lives(HardhatNode node) throws Exception {
        if (lives == null) {
            world = new RandomPlanLife.World(ChainConnection.open(node.rpcUrl()));
            List<RandomPlanLife> out = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                for (boolean costSharing : List.of(false, true)) {
                    long seed = SEED + 1_000L * run + (costSharing ? 1 : 0);
                    RandomPlanLife life = world.life(costSharing, seed, 5, STEPS);
                    System.out.println("IndexEqualsChainIT seed " + seed + ": " + life.summary());
                    out.add(life);
                }
            }
            lives = out;
        }
        return lives;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void everyFigureTheApiServesEqualsTheContractsViews(String kind, HardhatNode node) throws Exception {
        List<RandomPlanLife> all = lives(node);
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        try (ChainSource source = new ChainSource(node.rpcUrl());
             Indexer indexer = new Indexer(db, source, world.chainId, IndexerSettings.of(List.of(world.factory), List.of(), 0, 0, Finality.LATEST),
                     EventDecoder.packaged(), null)) {
            indexer.run(true, () -> false);
        }
        List<String> wrong = new ArrayList<>();
        AidPoints points = world.points();
        try (WebServer server = WebServer.start(db, world.chainId, "127.0.0.1", 0)) {
            java.util.Set<String> activePeople = new java.util.HashSet<>();
            for (RandomPlanLife life : all) {
                compare(server.url(), life, points, wrong);
                for (String m : life.members) {
                    if (life.view().memberOf(m).send().active) {
                        activePeople.add(m.toLowerCase(Locale.ROOT));
                    }
                }
            }
            // "active members" counts people: someone in two plans is one
            check(wrong, "stats: active members (people with an active membership)", activePeople.size(), get(server.url() + "api/stats").get("membersActive"));
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " figures differ from the chain (" + kind + "):\n  " + String.join("\n  ", wrong));
    }

    /**
     * The same lives through the CLI, which reads the chain: `pool show`, `member status` and `records` (--json, token
     * units) print what the contracts' views hold: reserve, fees owed, bonds held, members, member balances; each member's
     * balance, withdrawable amount, due and points; each of their claims' status, paid and owed.
     */
    @org.junit.jupiter.api.Test
    void poolShowMemberStatusAndRecordsPrintTheContractsViews(HardhatNode node) throws Exception {
        List<RandomPlanLife> all = lives(node);
        Path deployments = tmp.resolve("deployments");
        java.util.Map<String, dev.huzhu.protocol.DeployedContract> book = new java.util.LinkedHashMap<>();
        book.put(dev.huzhu.protocol.Deployment.FACTORY, new dev.huzhu.protocol.DeployedContract(world.factory, "0x", 0));
        book.put(dev.huzhu.protocol.Deployment.POINTS, new dev.huzhu.protocol.DeployedContract(world.points().getContractAddress(), "0x", 0));
        book.put(dev.huzhu.protocol.Deployment.MOCK_USD, new dev.huzhu.protocol.DeployedContract(world.token(), "0x", 0));
        new dev.huzhu.protocol.DeploymentBook(deployments).write(new dev.huzhu.protocol.Deployment(world.chainId, "local", world.factory, "now", book));
        dev.huzhu.cli.CliRunner cli = new dev.huzhu.cli.CliRunner().env("HUZHU_CONFIG_DIR", tmp.resolve("home").toString())
                .env("HUZHU_DEPLOYMENTS_DIR", deployments.toString()).env("HUZHU_RPC_URL", node.rpcUrl());
        AidPoints points = world.points();
        List<String> wrong = new ArrayList<>();
        for (RandomPlanLife life : all.subList(0, 2)) {
            AidPool plan = life.view();
            String where = (life.costSharing ? "COST_SHARING" : "PREPAID") + " plan " + life.plan;
            JsonNode show = cliJson(cli, "pool", "show", life.plan, "--json");
            check(wrong, where + ": pool show reserve", units(plan.reserve().send()), show.get("reserve"));
            check(wrong, where + ": pool show fees owed", units(plan.feesOwed().send()), show.get("feesOwed"));
            check(wrong, where + ": pool show bonds held", units(plan.bondsHeld().send()), show.get("bondsHeld"));
            check(wrong, where + ": pool show members", plan.activeMembers().send(), show.get("members"));
            check(wrong, where + ": pool show member balances", units(plan.totalBalances().send()), show.get("totalBalances"));
            for (String member : life.members) {
                AidPool.Member m = plan.memberOf(member).send();
                if (m.joinedAt.signum() == 0) {
                    continue;
                }
                String who = where + ": member " + member;
                JsonNode status = cliJson(cli, "member", "status", member, "--plan", life.plan, "--json").get("memberships").get(0);
                BigInteger withdrawable = plan.withdrawable(member).send();
                check(wrong, who + " status: balance", units(m.balance), status.get("balance"));
                check(wrong, who + " status: withdrawable", units(withdrawable), status.get("withdrawable"));
                check(wrong, who + " status: due", units(m.balance.subtract(withdrawable)), status.get("due"));
                check(wrong, who + " status: points pending", m.points, status.get("pendingPoints"));
                check(wrong, who + " status: points minted", points.pointsOf(life.plan, member).send(), status.get("mintedPoints"));
                JsonNode records = cliJson(cli, "records", member, "--json");
                for (JsonNode r : records.get("records")) {
                    if (r.get("event").asText().equals("Deposited") && r.get("plan").asText().equalsIgnoreCase(life.plan)) {
                        java.math.BigDecimal amount = new java.math.BigDecimal(r.get("fields").get("amount").asText());
                        if (amount.compareTo(java.math.BigDecimal.valueOf(1_000_000)) >= 0) {
                            wrong.add(who + " records --json: a deposit of " + amount + " is in base units, not token units");
                        }
                    }
                }
                for (JsonNode c : records.get("claims")) {
                    if (!c.get("plan").asText().equalsIgnoreCase(life.plan)) {
                        continue;
                    }
                    BigInteger id = BigInteger.valueOf(c.get("claimId").asLong());
                    AidPool.Claim onChain = plan.claimOf(id).send();
                    check(wrong, who + " records: claim #" + id + " status", SolidityEnum.of(ClaimStatus.class, onChain.status).label(), c.get("status"));
                    check(wrong, who + " records: claim #" + id + " paid", units(onChain.paid), c.get("paid"));
                    check(wrong, who + " records: claim #" + id + " owed", units(onChain.owed), c.get("owed"));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " figures the CLI prints differ from the chain:\n  " + String.join("\n  ", wrong));
    }

    private static String units(BigInteger baseUnits) {
        return dev.huzhu.protocol.TokenAmount.format(baseUnits, 6);
    }

    private static JsonNode cliJson(dev.huzhu.cli.CliRunner cli, String... args) throws Exception {
        dev.huzhu.cli.CliRunner.Result r = cli.run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + " -> " + r);
        return JSON.readTree(r.out());
    }

    private static void compare(String base, RandomPlanLife life, AidPoints points, List<String> wrong) throws Exception {
        AidPool plan = life.view();
        String address = life.plan.toLowerCase(Locale.ROOT);
        String model = life.costSharing ? "COST_SHARING" : "PREPAID";
        String where = model + " plan " + address + " (" + life.actionsDone + " of " + life.actionsTried + " actions done)";
        JsonNode p = get(base + "api/plans/" + address + "?limit=500");
        check(wrong, where + ": reserve", plan.reserve().send(), p.get("reserve"));
        check(wrong, where + ": fees owed", plan.feesOwed().send(), p.get("fees"));
        check(wrong, where + ": bonds held", plan.bondsHeld().send(), p.get("bondsHeld"));
        check(wrong, where + ": active members", plan.activeMembers().send(), p.get("membersActive"));
        check(wrong, where + ": claims", plan.claimCount().send(), p.get("claimsTotal"));
        check(wrong, where + ": owed total", plan.owedQueue().send().component3(), p.get("owedTotal"));
        JsonNode assessors = p.get("assessors");
        check(wrong, where + ": assessors (a JSON array)", plan.rules().send().assessors.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(),
                assessors != null && assessors.isArray() ? JSON.convertValue(assessors, List.class).stream().map(a -> a.toString().toLowerCase(Locale.ROOT)).toList() : assessors);
        BigInteger shown = BigInteger.ZERO; // the page's member balances (withdrawable) and the stored ones, against totalBalances()
        BigInteger stored = BigInteger.ZERO;

        for (String member : life.members) {
            AidPool.Member m = plan.memberOf(member).send();
            JsonNode row = find(p.get("members"), "member", member);
            if (m.joinedAt.signum() == 0) {
                if (row != null) {
                    wrong.add(where + ": " + member + " never joined, yet the index lists them: " + row);
                }
                continue;
            }
            if (row == null) {
                wrong.add(where + ": member " + member + " missing");
                continue;
            }
            String who = where + ": member " + member;
            check(wrong, who + " balance (memberOf)", m.balance, row.get("balance"));
            stored = stored.add(row.get("balance") == null || row.get("balance").isNull() ? BigInteger.ZERO : new BigInteger(row.get("balance").asText()));
            BigInteger withdrawable = plan.withdrawable(member).send();
            check(wrong, who + " withdrawable", withdrawable, row.get("withdrawable"));
            shown = shown.add(row.get("withdrawable") == null || row.get("withdrawable").isNull() ? BigInteger.ZERO : new BigInteger(row.get("withdrawable").asText()));
            check(wrong, who + " status", m.active ? "active" : "not active",
                    row.get("status") == null ? null : "active".equals(row.get("status").asText()) ? "active" : "not active");
            if (life.costSharing) {
                check(wrong, who + " shares due (balance - withdrawable)", m.active ? m.balance.subtract(withdrawable) : BigInteger.ZERO, row.get("sharesDue"));
                RandomPlanLife.Ledger l = life.ledger(member);
                if (!l.claimed) { // no credits: what went in, minus what came out, minus what is left = the shares taken
                    check(wrong, who + " shares paid (in - out - balance)", l.in.subtract(l.out).subtract(m.balance), row.get("sharesPaid"));
                }
            }
            JsonNode records = get(base + "api/members/" + member.toLowerCase(Locale.ROOT) + "/records");
            JsonNode pts = find(records.get("pointsByPlan"), "plan", address);
            BigInteger minted = points.pointsOf(life.plan, member).send();
            BigInteger accrued = pts == null ? BigInteger.ZERO : new BigInteger(pts.get("accrued").asText());
            BigInteger mintedIndexed = pts == null ? BigInteger.ZERO : new BigInteger(pts.get("minted").asText());
            check(wrong, who + " points minted (AidPoints.pointsOf)", minted, mintedIndexed.toString());
            check(wrong, who + " points pending (memberOf().points)", m.points, accrued.subtract(mintedIndexed).toString());
            JsonNode membership = find(records.get("memberships"), "plan", address);
            if (membership == null) {
                wrong.add(who + ": no membership in their records");
            } else {
                check(wrong, who + " records: withdrawable", withdrawable, membership.get("withdrawable"));
            }
        }

        // COST_SHARING: totalBalances() is net of the shares not yet settled, as the withdrawable amounts the page shows;
        // PREPAID: it still holds the contributions due and not yet charged, as the stored balances
        check(wrong, where + ": members' balances add up to totalBalances()", plan.totalBalances().send(), (life.costSharing ? shown : stored).toString());

        JsonNode claims = get(base + "api/claims?plan=" + address + "&limit=500").get("items");
        int paid = 0;
        int denied = 0;
        for (BigInteger id : life.claims()) {
            AidPool.Claim c = plan.claimOf(id).send();
            JsonNode row = find(claims, "claimId", id.toString());
            if (row == null) {
                wrong.add(where + ": claim #" + id + " missing");
                continue;
            }
            String status = SolidityEnum.of(ClaimStatus.class, c.status).label(); // the API spells it as the CLI does
            check(wrong, where + ": claim #" + id + " status", status, row.get("status"));
            paid += c.status.intValue() == ClaimStatus.PAID.ordinal() ? 1 : 0;
            denied += c.status.intValue() == ClaimStatus.DENIED.ordinal() ? 1 : 0;
            var payment = plan.claimPayment(id).send();
            check(wrong, where + ": claim #" + id + " paid", payment.component1(), row.get("paid"));
            check(wrong, where + ": claim #" + id + " owed", payment.component2(), row.get("owed"));
        }
        assertEquals(life.claims().size(), claims.size(), where + ": claims listed");
        // the approval ratio is the final outcomes: paid / (paid + denied)
        JsonNode ratio = p.get("approvalRatio");
        if (paid + denied == 0) {
            check(wrong, where + ": approval ratio", null, ratio);
        } else if (ratio == null || ratio.isNull() || Math.abs(ratio.asDouble() - (double) paid / (paid + denied)) > 1e-9) {
            wrong.add(where + ": approval ratio: chain " + paid + " paid / " + (paid + denied) + " final, index " + ratio);
        }
    }

    private static void check(List<String> wrong, String what, Object chain, Object indexed) {
        String expected = chain == null ? null : String.valueOf(chain);
        String actual = indexed instanceof JsonNode j ? (j.isNull() ? null : j.asText()) : indexed == null ? null : String.valueOf(indexed);
        if (!java.util.Objects.equals(expected, actual)) {
            wrong.add(what + ": chain " + expected + ", index " + actual);
        }
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        if (items == null) {
            return null;
        }
        for (JsonNode i : items) {
            if (i.get(field) != null && i.get(field).asText().equalsIgnoreCase(value)) {
                return i;
            }
        }
        return null;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + " -> " + r.body());
        return JSON.readTree(r.body());
    }
}
