package dev.huzhu.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenAmountTest {

    @ParameterizedTest
    @CsvSource({"12.5,12500000", "0,0", "0.000001,1", "1000,1000000000", ".5,500000", "7.,7000000", "+3,3000000"})
    void parsesExactly(String text, String units) {
        assertEquals(new BigInteger(units), TokenAmount.parse(text, 6));
    }

    @ParameterizedTest
    @CsvSource({"12500000,12.5", "0,0", "1,0.000001", "1000000000,1000"})
    void formatsWithoutTrailingZeros(String units, String text) {
        assertEquals(text, TokenAmount.format(new BigInteger(units), 6));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0000001|amount '0.0000001' has more than 6 decimals",
        "-1|amount '-1' is negative",
        "abc|amount 'abc' is not a decimal number",
        "1e6|amount '1e6' is not a decimal number",
        "1,5|amount '1,5' is not a decimal number"})
    void rejectsWithAClearMessage(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> TokenAmount.parse(text, 6)).getMessage());
    }

    @org.junit.jupiter.api.Test
    void amountsOf2To256BaseUnitsOrMoreAreOneLine() {
        java.math.BigInteger max = java.math.BigInteger.TWO.pow(256).subtract(java.math.BigInteger.ONE);
        assertEquals(max, TokenAmount.parse(max.toString(), 0));
        String tail = "' is too large: a token amount is at most 2^256 - 1 base units";
        assertEquals("amount '11579208923731619542…(78 characters)" + tail, // 2^256
                assertThrows(IllegalArgumentException.class, () -> TokenAmount.parse(max.add(java.math.BigInteger.ONE).toString(), 0)).getMessage());
        assertEquals("amount '10000000000000000000…(61 characters)" + tail, // 10^60 tokens of 18 decimals = 10^78 units
                assertThrows(IllegalArgumentException.class, () -> TokenAmount.parse("1" + "0".repeat(60), 18)).getMessage());
        assertEquals("amount '99999999999999999999…(500 characters)" + tail,
                assertThrows(IllegalArgumentException.class, () -> TokenAmount.parse("9".repeat(500), 6)).getMessage());
    }
}
