package dev.huzhu.chain;

import java.math.BigInteger;

/**
 * A transaction ready to sign, with what it will cost: the estimate already ran, so a call that
 * would revert never gets this far.
 *
 * @param to contract address, or null for a contract creation
 * @param pendingAhead transactions of this sender still pending before this one
 */
public record PreparedTransaction(String from, String to, String data, BigInteger value, BigInteger nonce,
        BigInteger estimatedGas, BigInteger gasLimit, BigInteger baseFee, BigInteger maxFeePerGas,
        BigInteger priorityFeePerGas, int pendingAhead, String description) {

    /** The most it can cost: gas limit × max fee (+ value). */
    public BigInteger maxCostWei() {
        return gasLimit.multiply(maxFeePerGas).add(value);
    }

    /** The likely cost at today's base fee: estimate × (base fee + tip) (+ value). */
    public BigInteger expectedCostWei() {
        BigInteger price = baseFee.add(priorityFeePerGas).min(maxFeePerGas);
        return estimatedGas.multiply(price).add(value);
    }
}
