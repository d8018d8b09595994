package dev.huzhu.chain;

import java.util.Map;

/**
 * Where a chain's addresses and transactions can be looked at by anyone (Etherscan's URL scheme:
 * {@code BASE/address/0x…}, {@code BASE/tx/0x…}, which Blockscout and Otterscan share). Known for
 * Ethereum, Sepolia and Holesky; an operator names another with {@code serve --explorer URL}; a local
 * chain has none.
 */
public final class BlockExplorer {
    private static final Map<Long, String> KNOWN = Map.of(
            1L, "https://etherscan.io",
            NetworkProfiles.SEPOLIA_CHAIN_ID, "https://sepolia.etherscan.io",
            NetworkProfiles.HOLESKY_CHAIN_ID, "https://holesky.etherscan.io");

    private BlockExplorer() {}

    /** The explorer of a public chain, or null. */
    public static String forChain(long chainId) {
        return KNOWN.get(chainId);
    }

    /** An operator's explorer URL without its trailing slash; anything but a plain http(s) URL is refused in one line. */
    public static String parse(String url) {
        String u = url.strip();
        if (!u.matches("https?://[^\\s\"'<>`]+")) {
            throw new IllegalArgumentException("--explorer '" + url + "' is not an http(s):// URL");
        }
        return u.replaceAll("/+$", "");
    }
}
