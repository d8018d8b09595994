package dev.huzhu.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The read-only JSON API under {@code /api/}: GET (and HEAD) only, CORS open for reads; a bad
 * parameter is a 400 with {"error": "..."}, an unknown path or key a 404, a saturated server a 503.
 */
final class ApiRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiRoutes.class);
    /** The contract's ClaimStatus names (protocol mirror), as the index stores them: Submitted … Denied; nothing else. */
    static final List<String> CLAIM_STATUSES = java.util.Arrays.stream(dev.huzhu.protocol.ClaimStatus.values())
            .filter(s -> s != dev.huzhu.protocol.ClaimStatus.NONE).map(ApiRoutes::label).toList();

    /** "PAID" -> "Paid": how the index stores a claim status (the API serves it as the CLI prints it, "paid": Rows). */
    static String label(Enum<?> status) {
        String n = status.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
    private static final String ENDPOINTS = "/api/plans, /api/plans/{address}, /api/plans/{address}/claims/{id}, /api/claims, /api/members/{address}/records, "
            + "/api/payouts, /api/campaigns, /api/campaigns/{address}, /api/rounds, /api/rounds/{address}, /api/groups, /api/groups/{address}, "
            + "/api/parametric, /api/parametric/{address}, /api/stats, /api/status";

    private final ReadPool pool;
    private final ReadModel model;
    private final RoundReads rounds;
    private final GroupReads groups;
    private final ParametricReads parametric;
    private final ClaimReads claims;

    ApiRoutes(ReadPool pool, ReadModel model) {
        this.pool = pool;
        this.model = model;
        this.rounds = new RoundReads(model.chainId());
        this.groups = new GroupReads(model.chainId());
        this.parametric = new ParametricReads(model.chainId());
        this.claims = new ClaimReads(model.chainId());
    }

    /** A read of the index for one request, on a borrowed connection. */
    private interface Read {
        Object answer(QueryParams q, Connection c) throws Exception;
    }

    /** A claim id in a path: a non-negative whole number, else one clear 400. */
    private static long claimId(String id) {
        try {
            long v = Long.parseLong(id);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the one line below
        }
        throw new BadRequest("claim id must be a non-negative whole number, got '" + id + "'");
    }

    void register(RoutesConfig r) {
        read(r, "/api/plans", (q, c) -> {
            q.allow(Set.of("sort", "order", "limit", "offset"));
            String sort = q.oneOf("sort", List.copyOf(new TreeSet<>(ReadModel.PLAN_SORTS.keySet())), "created");
            String order = q.oneOf("order", List.of("asc", "desc"), "desc");
            return model.plans(c, sort, order, q.limit(), q.offset());
        });
        read(r, "/api/plans/{address}", (q, c) -> model.plan(c, Addresses.require("plan address", q.allow(Set.of("limit", "offset")).path("address")),
                q.limit(), q.offset()));
        read(r, "/api/plans/{address}/claims/{id}", (q, c) -> claims.claim(c, Addresses.require("plan address", q.allow(Set.of()).path("address")),
                claimId(q.path("id"))));
        read(r, "/api/claims", (q, c) -> {
            q.allow(Set.of("plan", "status", "limit", "offset"));
            return model.claims(c, q.address("plan"), q.oneOf("status", CLAIM_STATUSES, null), q.limit(), q.offset());
        });
        read(r, "/api/members/{address}/records", (q, c) -> model.memberRecords(c,
                Addresses.require("member address", q.allow(Set.of("limit", "offset")).path("address")), q.limit(), q.offset()));
        read(r, "/api/payouts", (q, c) -> {
            q.allow(Set.of("plan", "limit", "offset"));
            return model.payouts(c, q.address("plan"), q.limit(), q.offset());
        });
        read(r, "/api/campaigns", (q, c) -> model.campaigns(c, q.allow(Set.of("limit", "offset")).limit(), q.offset()));
        read(r, "/api/campaigns/{address}", (q, c) -> model.campaign(c, Addresses.require("campaign address",
                q.allow(Set.of("limit", "offset")).path("address")), q.limit(), q.offset()));
        // the other scenarios (issue 13): matching rounds, group purchases, parametric plans
        read(r, "/api/rounds", (q, c) -> rounds.rounds(c, q.allow(Set.of("limit", "offset")).limit(), q.offset()));
        read(r, "/api/rounds/{address}", (q, c) -> rounds.round(c, Addresses.require("round address",
                q.allow(Set.of("limit", "offset")).path("address")), q.limit(), q.offset()));
        read(r, "/api/groups", (q, c) -> groups.purchases(c, q.allow(Set.of("limit", "offset")).limit(), q.offset()));
        read(r, "/api/groups/{address}", (q, c) -> groups.purchase(c, Addresses.require("group purchase address",
                q.allow(Set.of("limit", "offset")).path("address")), q.limit(), q.offset()));
        read(r, "/api/parametric", (q, c) -> parametric.plans(c, q.allow(Set.of("limit", "offset")).limit(), q.offset()));
        read(r, "/api/parametric/{address}", (q, c) -> parametric.plan(c, Addresses.require("parametric plan address",
                q.allow(Set.of("limit", "offset")).path("address")), q.limit(), q.offset()));
        read(r, "/api/stats", (q, c) -> {
            q.allow(Set.of());
            return model.stats(c);
        });
        read(r, "/api/status", (q, c) -> {
            q.allow(Set.of());
            return model.status(c);
        });
        r.get("/api/*", ctx -> send(ctx, 404, Map.of("error", "no such endpoint: " + ctx.path().replaceAll("/+$", "") + " (try " + ENDPOINTS + ")")));
        r.options("/api/*", ctx -> cors(ctx).status(204));
        for (io.javalin.http.HandlerType write : List.of(io.javalin.http.HandlerType.POST, io.javalin.http.HandlerType.PUT,
                io.javalin.http.HandlerType.PATCH, io.javalin.http.HandlerType.DELETE)) {
            r.addHttpHandler(write, "/api/*", ctx -> send(ctx.header("Allow", "GET, HEAD, OPTIONS"), 405,
                    Map.of("error", "the API is read-only: use GET")));
        }
        r.exception(BadRequest.class, (e, ctx) -> send(ctx, 400, Map.of("error", e.getMessage())));
        r.exception(NotFound.class, (e, ctx) -> send(ctx, 404, Map.of("error", e.getMessage())));
        r.exception(ReadPool.Busy.class, (e, ctx) -> send(ctx.header("Retry-After", "1"), 503, Map.of("error", e.getMessage())));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, Map.of("error", "internal error: " + dev.huzhu.chain.Redaction.text(oneLine(e.getMessage()))));
        });
    }

    private void read(RoutesConfig r, String path, Read read) {
        io.javalin.http.Handler h = ctx -> {
            QueryParams q = new QueryParams(ctx.queryParamMap(), ctx.pathParamMap());
            Object body;
            try (Connection c = pool.borrow()) {
                body = read.answer(q, c);
            }
            send(ctx, 200, body);
        };
        r.get(path, h);
        r.head(path, h);
    }

    private static String oneLine(String s) {
        return String.valueOf(s).strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static Context cors(Context ctx) {
        return ctx.header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type");
    }

    private static void send(Context ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON: " + e.getMessage(), e);
        }
        cors(ctx).status(status).header("Cache-Control", "no-store").contentType("application/json; charset=utf-8").result(bytes);
    }
}
