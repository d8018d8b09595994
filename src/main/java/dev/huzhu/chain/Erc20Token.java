package dev.huzhu.chain;

import dev.huzhu.protocol.TokenAmount;
import dev.huzhu.protocol.TokenInfo;
import dev.huzhu.protocol.NotFoundException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.tx.exceptions.ContractCallException;

/**
 * Any ERC-20 token a plan uses: its symbol and decimals (read once), balances, allowances, approve.
 * Amounts are never assumed to have 6 decimals. Listings use the tolerant {@link #info()} and
 * {@link #format(BigInteger)}, which still work when the token's symbol() or decimals() reverts
 * (address instead of symbol, base units instead of a decimal amount); writes use the strict
 * {@link #decimals()} / {@link #parse(String)}, which refuse to guess.
 */
public final class Erc20Token {
    private final Web3j web3j;
    private final String address;
    private String symbol;
    private Integer decimals;
    private TokenInfo info;

    public Erc20Token(Web3j web3j, String address) {
        this.web3j = web3j;
        this.address = address;
    }

    public String address() {
        return address;
    }

    /** Longest symbol shown; longer ones are cut with "…" (a symbol is a ticker, not a message). */
    public static final int MAX_SYMBOL = 32;

    /**
     * The token's symbol() (strict: NotFound when it does not answer), safe to print: its deployer wrote
     * it, so terminal escapes, control and bidi characters are replaced ({@link dev.huzhu.protocol.ChainText}).
     */
    public String symbol() {
        if (symbol == null) {
            symbol = dev.huzhu.protocol.ChainText.safe((String) call("symbol", List.of(), new TypeReference<Utf8String>() {}), MAX_SYMBOL);
        }
        return symbol;
    }

    /** The token's decimals() (strict: NotFound when it does not answer). */
    public int decimals() {
        if (decimals == null) {
            decimals = ((BigInteger) call("decimals", List.of(), new TypeReference<Uint8>() {})).intValueExact();
        }
        return decimals;
    }

    /**
     * What the token says of itself, read tolerantly once: its symbol (the checksummed address when
     * symbol() reverts or is empty) and decimals ({@code known} false when decimals() reverts).
     * Never fails on a live node; a node that stops answering is still a NetworkException.
     */
    public TokenInfo info() {
        if (info == null) {
            String s = tolerant(this::symbol);
            Integer d = tolerant(this::decimals);
            String checksummed = dev.huzhu.protocol.Address.checksum(address);
            info = new TokenInfo(checksummed, s == null || s.isBlank() ? checksummed : s, d == null ? 0 : d, d != null);
        }
        return info;
    }

    private static <T> T tolerant(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (NetworkException e) {
            throw e; // the node, not the token
        } catch (RuntimeException e) {
            return null; // the view reverts or answers garbage (a bytes32 symbol, a short answer, an absurd decimals…)
        }
    }

    public BigInteger balanceOf(String owner) {
        return (BigInteger) call("balanceOf", List.of(new Address(owner)), new TypeReference<Uint256>() {});
    }

    public BigInteger allowance(String owner, String spender) {
        return (BigInteger) call("allowance", List.of(new Address(owner), new Address(spender)), new TypeReference<Uint256>() {});
    }

    /** Calldata of approve(spender, amount). */
    public static String approveData(String spender, BigInteger amount) {
        return FunctionEncoder.encode(new Function("approve", List.of(new Address(spender), new Uint256(amount)), List.of()));
    }

    /** "12.5 mUSD"; for a token without decimals() "12500000 units of 0xAbC…" ({@link #info()}). */
    public String format(BigInteger units) {
        return info().format(units);
    }

    /** Parses a human amount with this token's decimals, exactly. */
    public BigInteger parse(String text) {
        return TokenAmount.parse(text, decimals());
    }

    private Object call(String name, List<Type> args, TypeReference<?> out) {
        try {
            return new ViewCall(web3j, address).call(name, args, List.of(out)).get(0).getValue();
        } catch (ContractCallException e) {
            throw new NotFoundException(address + " does not answer " + name + "(): is it an ERC-20 token on this chain?");
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }
}
