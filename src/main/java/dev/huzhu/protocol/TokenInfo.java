package dev.huzhu.protocol;

import java.math.BigInteger;

/**
 * What a plan's ERC-20 token is: its address, symbol and decimals as read from the token
 * ({@code chain.Erc20Token#info()}). When the token does not answer {@code symbol()} or
 * {@code decimals()}, {@code known} is false: the symbol is the address and amounts are shown
 * in raw base units, never with an assumed 6 decimals.
 */
public record TokenInfo(String address, String symbol, int decimals, boolean known) {
    /** "12.5 mUSD". */
    public String format(BigInteger units) {
        return amount(units).toString();
    }

    /** Parses a human amount exactly with this token's decimals. */
    public BigInteger parse(String text) {
        if (!known) {
            throw new NotFoundException("token " + address + " does not answer decimals(); amounts cannot be parsed");
        }
        return TokenAmount.parse(text, decimals);
    }

    public TokenAmount amount(BigInteger units) {
        return new TokenAmount(units, this);
    }
}
