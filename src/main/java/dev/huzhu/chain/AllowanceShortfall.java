package dev.huzhu.chain;

import dev.huzhu.protocol.DecodedError;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a simulated call failed for want of an allowance, in the words of the many ERC-20s there are.
 * Asked only once the allowance is known to be short, so any of these is the allowance: OpenZeppelin 5's
 * {@code ERC20InsufficientAllowance}, OpenZeppelin 4's and most others' {@code Error(string)} mentioning the
 * allowance ("ERC20: insufficient allowance", "transfer amount exceeds allowance", DAI's
 * "Dai/insufficient-allowance"), Solady's {@code InsufficientAllowance()}, an arithmetic underflow
 * ({@code Panic(0x11)}: Solmate and other checked-math tokens), a bare revert (USDT), or the plan's
 * {@code SafeERC20FailedOperation} (a token that returns false instead of reverting).
 */
public final class AllowanceShortfall {
    /** keccak256("InsufficientAllowance()")[0:4], Solady's ERC20. */
    static final String SOLADY_INSUFFICIENT_ALLOWANCE = "0x13be252b";

    private AllowanceShortfall() {}

    public static boolean matches(String revertData, Optional<DecodedError> decoded) {
        String data = revertData == null ? "0x" : revertData.toLowerCase(Locale.ROOT);
        if (data.equals("0x") || data.startsWith(SOLADY_INSUFFICIENT_ALLOWANCE)) {
            return true;
        }
        if (decoded.isEmpty()) {
            return false;
        }
        DecodedError e = decoded.get();
        switch (e.name()) {
            case "ERC20InsufficientAllowance", "SafeERC20FailedOperation", "InsufficientAllowance":
                return true;
            case "Error":
                return String.valueOf(e.arg("reason")).toLowerCase(Locale.ROOT).contains("allowance");
            case "Panic":
                return BigInteger.valueOf(0x11).equals(e.arg("code"));
            default:
                return false;
        }
    }
}
