package dev.huzhu.web;

import dev.huzhu.protocol.Address;

/** Addresses given in paths and query strings: {@link Address}, or a 400 naming the parameter. */
final class Addresses {
    private Addresses() {}

    /** {@code value} lower-cased, or a {@link BadRequest} naming {@code what}. */
    static String require(String what, String value) {
        if (!Address.looksLike(value)) {
            throw new BadRequest(what + " must be 0x and 40 hex digits, got '" + value + "'");
        }
        return new Address(value).lower();
    }
}
