package dev.huzhu.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only JSON API under {@code /api/}. GET (and HEAD) only; CORS open for reads; a bad
 * parameter is a 400 with {"error": "..."}, an unknown path or key a 404.
 */
final class ApiHandler implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLAIM_STATUSES = List.of("Submitted", "Approved", "Rejected", "Disputed", "Final", "Denied",
            "Paid");

    private final ReadConnections connections;
    private final ReadModel model;

    ApiHandler(ReadConnections connections, ReadModel model) {
        this.connections = connections;
        this.model = model;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
        try {
            String method = ex.getRequestMethod();
            if ("OPTIONS".equals(method)) {
                ex.sendResponseHeaders(204, -1);
                return;
            }
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD, OPTIONS");
                send(ex, 405, Map.of("error", "the API is read-only: use GET"));
                return;
            }
            send(ex, 200, route(ex));
        } catch (BadRequest e) {
            send(ex, 400, Map.of("error", e.getMessage()));
        } catch (NotFound e) {
            send(ex, 404, Map.of("error", e.getMessage()));
        } catch (Exception e) {
            send(ex, 500, Map.of("error", "internal error: " + e.getMessage()));
        } finally {
            ex.close();
        }
    }

    private Object route(HttpExchange ex) throws Exception {
        String path = ex.getRequestURI().getPath();
        List<String> parts = new ArrayList<>(List.of(path.replaceAll("/+$", "").split("/")));
        parts.removeIf(String::isEmpty); // ["api", ...]
        QueryParams q = new QueryParams(ex.getRequestURI());
        Connection c = connections.take();
        try {
            return dispatch(parts, q, c);
        } finally {
            connections.give(c);
        }
    }

    private Object dispatch(List<String> p, QueryParams q, Connection c) throws Exception {
        int n = p.size();
        String what = n > 1 ? p.get(1) : "";
        switch (what) {
            case "plans":
                if (n == 2) {
                    q.allow(Set.of("sort", "order", "limit", "offset"));
                    String sort = q.oneOf("sort", List.copyOf(new java.util.TreeSet<>(ReadModel.PLAN_SORTS.keySet())), "created");
                    String order = q.oneOf("order", List.of("asc", "desc"), "desc");
                    return model.plans(c, sort, order, q.limit(), q.offset());
                }
                if (n == 3) {
                    q.allow(Set.of());
                    return model.plan(c, Addresses.require("plan address", p.get(2)));
                }
                break;
            case "claims":
                if (n == 2) {
                    q.allow(Set.of("plan", "status", "limit", "offset"));
                    return model.claims(c, q.address("plan"), q.oneOf("status", CLAIM_STATUSES, null), q.limit(), q.offset());
                }
                break;
            case "members":
                if (n == 4 && "records".equals(p.get(3))) {
                    q.allow(Set.of());
                    return model.memberRecords(c, Addresses.require("member address", p.get(2)));
                }
                break;
            case "payouts":
                if (n == 2) {
                    q.allow(Set.of("plan", "limit", "offset"));
                    return model.payouts(c, q.address("plan"), q.limit(), q.offset());
                }
                break;
            case "stats":
                if (n == 2) {
                    q.allow(Set.of());
                    return model.stats(c);
                }
                break;
            case "status":
                if (n == 2) {
                    q.allow(Set.of());
                    return model.status(c);
                }
                break;
            default:
                break;
        }
        throw new NotFound("no such endpoint: /" + String.join("/", p)
                + " (try /api/plans, /api/plans/{address}, /api/claims, /api/members/{address}/records, /api/payouts, /api/stats, /api/status)");
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
