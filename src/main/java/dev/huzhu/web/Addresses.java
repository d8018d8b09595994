package dev.huzhu.web;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validates Ethereum addresses given in paths and query strings. */
final class Addresses {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private Addresses() {}

    /** {@code value} lower-cased, or a {@link BadRequest} naming {@code what}. */
    static String require(String what, String value) {
        if (value == null || !ADDRESS.matcher(value).matches()) {
            throw new BadRequest(what + " must be 0x and 40 hex digits, got '" + value + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
