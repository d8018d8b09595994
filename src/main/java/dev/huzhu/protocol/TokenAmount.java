package dev.huzhu.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of one token: exact base units and the token (its decimals and symbol), so it can
 * never be shown with another token's decimals. {@code toString()} is "12.5 mUSD".
 */
public record TokenAmount(BigInteger units, TokenInfo token) {
    public TokenAmount {
        if (units == null || token == null) {
            throw new IllegalArgumentException("a token amount needs units and a token");
        }
    }

    /** Parses a human amount ("12.5") exactly with {@code token}'s decimals. */
    public static TokenAmount parse(String text, TokenInfo token) {
        return new TokenAmount(parse(text, token.decimals()), token);
    }

    /** The number without the symbol: "12.5" (base units + " units" when the token's decimals are unknown). */
    public String plain() {
        return token.known() ? format(units, token.decimals()) : units + " units";
    }

    @Override
    public String toString() {
        return token.known() ? plain() + " " + token.symbol() : plain() + " of " + token.symbol();
    }

    /**
     * Parses a non-negative decimal amount exactly.
     *
     * @throws IllegalArgumentException naming the problem: not a number, negative, or more decimals than the token has
     */
    public static BigInteger parse(String text, int decimals) {
        String trimmed = check(text);
        BigDecimal value = new BigDecimal(trimmed);
        BigDecimal scaled = value.movePointRight(decimals);
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException("amount '" + text + "' has more than " + decimals + " decimals");
        }
        BigInteger units = scaled.toBigIntegerExact();
        if (units.bitLength() > 256) {
            throw tooLarge(trimmed);
        }
        return units;
    }

    /**
     * Checks what can be checked without the token's decimals (empty, not a decimal number, negative,
     * absurdly long); returns the trimmed text.
     */
    public static String check(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("amount is empty");
        }
        String trimmed = text.trim();
        if (!trimmed.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new InvalidInputException("amount '" + (trimmed.length() > 40 ? trimmed.substring(0, 20) + "…" : text) + "' is not a decimal number");
        }
        if (trimmed.length() > 200) {
            throw tooLarge(trimmed);
        }
        if (new BigDecimal(trimmed).signum() < 0) {
            throw new InvalidInputException("amount '" + text + "' is negative");
        }
        return trimmed;
    }

    private static InvalidInputException tooLarge(String trimmed) {
        String shown = trimmed.length() > 40 ? trimmed.substring(0, 20) + "…(" + trimmed.length() + " characters)" : trimmed;
        return new InvalidInputException("amount '" + shown + "' is too large: a token amount is at most 2^256 - 1 base units");
    }

    /** Formats base units with the token's decimals, without trailing zeros ("12.5", "100"). */
    public static String format(BigInteger units, int decimals) {
        BigDecimal value = new BigDecimal(units, decimals).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
