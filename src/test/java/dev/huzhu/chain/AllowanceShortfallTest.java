package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.protocol.ErrorDecoder;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/** Allowance shortfalls as different ERC-20s word them (revert data built by hand from each one's ABI). */
class AllowanceShortfallTest {
    @SuppressWarnings("rawtypes")
    static String revert(String name, Type... args) {
        return FunctionEncoder.encode(new Function(name, List.<Type>of(args), List.of()));
    }

    static boolean shortfall(String data) {
        return AllowanceShortfall.matches(data, ErrorDecoder.packaged().decode(data));
    }

    @Test
    void everyKnownWordingIsAnAllowanceShortfall() {
        assertTrue(shortfall(revert("Error", new Utf8String("ERC20: insufficient allowance"))), "OpenZeppelin 4");
        assertTrue(shortfall(revert("Error", new Utf8String("ERC20: transfer amount exceeds allowance"))), "OpenZeppelin 3");
        assertTrue(shortfall(revert("Error", new Utf8String("Dai/insufficient-allowance"))), "DAI");
        assertTrue(shortfall(revert("Panic", new Uint256(0x11))), "checked-math underflow (Solmate)");
        assertTrue(shortfall("0x13be252b"), "Solady InsufficientAllowance()");
        assertTrue(shortfall("0x"), "bare revert (USDT)");
        assertTrue(shortfall(revert("ERC20InsufficientAllowance", new org.web3j.abi.datatypes.Address("0x" + "11".repeat(20)),
                new Uint256(BigInteger.ZERO), new Uint256(BigInteger.TEN))), "OpenZeppelin 5");
    }

    @Test
    void otherRevertsAreNot() {
        assertFalse(shortfall(revert("Error", new Utf8String("plan is paused"))));
        assertFalse(shortfall(revert("Panic", new Uint256(0x12))), "division by zero");
        assertFalse(shortfall(revert("ERC20InsufficientBalance", new org.web3j.abi.datatypes.Address("0x" + "11".repeat(20)),
                new Uint256(BigInteger.ZERO), new Uint256(BigInteger.TEN))));
    }
}
