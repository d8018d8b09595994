package dev.huzhu.protocol;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Java mirror of a Solidity enum (contracts/pool/PoolTypes.sol): same constants, same order.
 * {@code EnumsMatchSolidityTest} compares every mirror with the compiler's AST, so they cannot drift.
 * {@link #label()} is the one spelling people and scripts see: "shared-purchase", "cost-sharing".
 */
public interface SolidityEnum {
    String name();

    int ordinal();

    /** The constant in lower case with '-' for '_': the CLI's, the API's and the page's name for it. */
    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant with this ordinal (as a contract returns or logs it). */
    static <E extends Enum<E> & SolidityEnum> E of(Class<E> type, BigInteger ordinal) {
        E[] all = type.getEnumConstants();
        if (ordinal == null || ordinal.signum() < 0 || ordinal.compareTo(BigInteger.valueOf(all.length)) >= 0) {
            throw new IllegalArgumentException(ordinal + " is not a " + type.getSimpleName() + " (0.." + (all.length - 1) + ")");
        }
        return all[ordinal.intValue()];
    }

    /** The constant whose {@link #label()} or name is {@code text}, ignoring case and '-'/'_'/' '. */
    static <E extends Enum<E> & SolidityEnum> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(key)).findFirst();
    }

    /** As {@link #parse}, or an IllegalArgumentException "--category 'pets' is not one of medical, education, …". */
    static <E extends Enum<E> & SolidityEnum> E require(Class<E> type, String text, String what) {
        return parse(type, text).orElseThrow(() -> new InvalidInputException(what + " '" + text + "' is not one of " + labels(type)));
    }

    /** "medical, education, …": the labels of {@code type}, for help texts and error messages. */
    static <E extends Enum<E> & SolidityEnum> String labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(SolidityEnum::label).collect(Collectors.joining(", "));
    }
}
