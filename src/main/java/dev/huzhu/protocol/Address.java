package dev.huzhu.protocol;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Ethereum address: the one address type of the CLI, the indexer and the API. Held in lower
 * case (how the index stores it); shown in EIP-55 form ({@link #toString()}).
 */
public record Address(String lower) {
    private static final Pattern HEX40 = Pattern.compile("0x[0-9a-fA-F]{40}");
    public static final Address ZERO = new Address("0x0000000000000000000000000000000000000000");

    public Address {
        if (lower == null || !HEX40.matcher(lower).matches()) {
            throw new InvalidInputException("'" + lower + "' is not an address (0x followed by 40 hex digits)");
        }
        lower = lower.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code text} typed by a person. All-lowercase or all-uppercase hex is accepted (it
     * carries no checksum); mixed case must be a correct EIP-55 checksum.
     *
     * @param what names the value in the error message ("--referrer", "member address")
     * @throws IllegalArgumentException naming the problem
     */
    public static Address parse(String text, String what) {
        if (!looksLike(text)) {
            throw new InvalidInputException(what + " '" + text + "' is not an address (0x followed by 40 hex digits)");
        }
        String hex = text.substring(2);
        boolean mixed = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        Address a = new Address(text);
        if (mixed && !a.checksummed().equals(text)) {
            throw new InvalidInputException(what + " '" + text + "' has a bad EIP-55 checksum (a typo?)");
        }
        return a;
    }

    /** True when {@code text} looks like an address (0x and 40 hex digits), checksum not checked. */
    public static boolean looksLike(String text) {
        return text != null && HEX40.matcher(text).matches();
    }

    /** The EIP-55 form of a valid address given in any case. */
    public static String checksum(String address) {
        return new Address(address).checksummed();
    }

    public String checksummed() {
        // EIP-55 without web3j's Keys (which registers the signed BouncyCastle provider: slow start-up)
        String hex = lower.substring(2);
        byte[] hash = Keccak256.hash(hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            char ch = hex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            sb.append(nibble >= 8 ? Character.toUpperCase(ch) : ch);
        }
        return sb.toString();
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    @Override
    public String toString() {
        return checksummed();
    }
}
