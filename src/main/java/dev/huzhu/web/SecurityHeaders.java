package dev.huzhu.web;

import java.util.Map;

/**
 * The headers every answer carries, the page's and the API's alike (errors too): the page loads its
 * own script, style and data only and may not be framed; nothing is sniffed into another type;
 * no referrer leaves the site.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private SecurityHeaders() {}
}
