package dev.huzhu.cli.claim;

import dev.huzhu.protocol.InvalidInputException;
import java.math.BigInteger;
import picocli.CommandLine.ITypeConverter;

/** Claim ids as typed: "3" or "#3" (a picocli converter: a bad one is a usage error before anything runs). */
public final class ClaimId implements ITypeConverter<BigInteger> {
    @Override
    public BigInteger convert(String text) {
        return parse(text);
    }

    static BigInteger parse(String text) {
        String t = text.startsWith("#") ? text.substring(1) : text;
        if (!t.matches("[1-9]\\d{0,8}")) {
            throw new InvalidInputException("claim id '" + text + "' is not a positive whole number");
        }
        return new BigInteger(t);
    }
}
