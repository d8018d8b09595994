package dev.huzhu.chain;

import org.web3j.crypto.Keys;

/** Parsing and printing of Ethereum addresses with EIP-55 checksums. */
public final class Addresses {
    private static final String HEX40 = "0x[0-9a-fA-F]{40}";

    private Addresses() {}

    /**
     * Parses {@code text} as an address. All-lowercase or all-uppercase hex is accepted (it carries
     * no checksum); mixed case must be a correct EIP-55 checksum.
     *
     * @param what names the value in the error message ("--referrer", "member address")
     * @return the address in EIP-55 form
     * @throws IllegalArgumentException naming the problem
     */
    public static String parse(String text, String what) {
        if (text == null || !text.matches(HEX40)) {
            throw new IllegalArgumentException(what + " '" + text + "' is not an address (0x followed by 40 hex digits)");
        }
        String hex = text.substring(2);
        boolean mixed = !hex.equals(hex.toLowerCase()) && !hex.equals(hex.toUpperCase());
        String checksummed = Keys.toChecksumAddress(text.toLowerCase());
        if (mixed && !checksummed.equals(text)) {
            throw new IllegalArgumentException(what + " '" + text + "' has a bad EIP-55 checksum (a typo?)");
        }
        return checksummed;
    }

    /** True when {@code text} looks like an address (0x and 40 hex digits), checksum not checked. */
    public static boolean looksLikeAddress(String text) {
        return text != null && text.matches(HEX40);
    }

    /** The EIP-55 form of a valid address in any case. */
    public static String checksum(String address) {
        return Keys.toChecksumAddress(address.toLowerCase());
    }
}
