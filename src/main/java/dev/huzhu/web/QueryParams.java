package dev.huzhu.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The query string of one request, with validation that turns bad input into {@link BadRequest}. */
final class QueryParams {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private final Map<String, String> values = new LinkedHashMap<>();

    private final Map<String, String> path;

    /** The query parameters (the first value of each) and the path parameters of one request. */
    QueryParams(Map<String, List<String>> query, Map<String, String> path) {
        query.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        this.path = path;
    }

    /** A path parameter, e.g. the address in /api/plans/{address}. */
    String path(String name) {
        return path.get(name);
    }

    /** Refuses parameters the endpoint does not know (a typo should not silently list everything). */
    QueryParams allow(Set<String> known) {
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                throw new BadRequest("unknown parameter '" + k + "'; allowed: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return this;
    }

    String get(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    int limit() {
        return intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    int offset() {
        return intParam("offset", 0, 0, Integer.MAX_VALUE);
    }

    int intParam(String name, int dflt, int min, int max) {
        String v = get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new BadRequest(name + " must be between " + min + " and " + max + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, got '" + v + "'");
        }
    }

    /** An optional address parameter, lower-cased. */
    String address(String name) {
        String v = get(name);
        return v == null ? null : Addresses.require(name, v);
    }

    /** An optional parameter from a fixed set (case-insensitive). */
    String oneOf(String name, List<String> allowed, String dflt) {
        String v = get(name);
        if (v == null) {
            return dflt;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw new BadRequest(name + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
