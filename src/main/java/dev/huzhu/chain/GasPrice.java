package dev.huzhu.chain;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.protocol.TokenAmount;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Gas prices and ETH amounts for people: gwei and ETH with exact parsing. */
public final class GasPrice {
    private GasPrice() {}

    /** Parses a fee in gwei ("1.5") into wei, exactly (at most 9 decimals). */
    public static BigInteger parseGwei(String text, String option) {
        try {
            return TokenAmount.parse(text, 9);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + ": " + e.getMessage().replace("amount", "fee") + " (gwei)");
        }
    }

    public static String gwei(BigInteger wei) {
        return TokenAmount.format(wei, 9);
    }

    public static String eth(BigInteger wei) {
        BigDecimal v = new BigDecimal(wei, 18);
        return v.compareTo(new BigDecimal("0.000001")) < 0 && v.signum() != 0
                ? v.stripTrailingZeros().toPlainString()
                : v.setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
