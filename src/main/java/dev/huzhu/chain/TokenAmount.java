package dev.huzhu.chain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact conversion between human token amounts ("12.5") and base units, for a given number of decimals. */
public final class TokenAmount {
    private TokenAmount() {}

    /**
     * Parses a non-negative decimal amount exactly.
     *
     * @throws IllegalArgumentException naming the problem: not a number, negative, or more decimals than the token has
     */
    public static BigInteger parse(String text, int decimals) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("amount is empty");
        }
        String trimmed = text.trim();
        if (!trimmed.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new IllegalArgumentException("amount '" + text + "' is not a decimal number");
        }
        BigDecimal value = new BigDecimal(trimmed);
        if (value.signum() < 0) {
            throw new IllegalArgumentException("amount '" + text + "' is negative");
        }
        BigDecimal scaled = value.movePointRight(decimals);
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("amount '" + text + "' has more than " + decimals + " decimals");
        }
        return scaled.toBigIntegerExact();
    }

    /** Formats base units with the token's decimals, without trailing zeros ("12.5", "100"). */
    public static String format(BigInteger units, int decimals) {
        BigDecimal value = new BigDecimal(units, decimals).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
