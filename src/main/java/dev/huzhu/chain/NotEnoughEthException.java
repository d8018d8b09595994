package dev.huzhu.chain;

import java.math.BigInteger;

/** The sender cannot pay for gas (found before anything is sent); callers may add how to get ETH. */
public final class NotEnoughEthException extends RevertedException {
    private final BigInteger balance;
    private final BigInteger need;

    public NotEnoughEthException(String from, BigInteger balance, BigInteger need) {
        super(words(from, balance, need), null, null);
        this.balance = balance;
        this.need = need;
    }

    /** "not enough ETH for gas: {who} has 0 ETH, this transaction may cost up to 0.01 ETH". */
    public static String words(String who, BigInteger balance, BigInteger need) {
        return "not enough ETH for gas: " + who + " has " + GasPrice.eth(balance) + " ETH, this transaction may cost up to " + GasPrice.eth(need) + " ETH";
    }

    public BigInteger balance() {
        return balance;
    }

    public BigInteger need() {
        return need;
    }
}
