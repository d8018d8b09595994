package dev.huzhu.chain;

import java.math.BigInteger;

/** User overrides of EIP-1559 fees and gas limit (wei / gas units); null means "choose for me". */
public record FeeOverrides(BigInteger maxFeePerGas, BigInteger priorityFeePerGas, BigInteger gasLimit) {
    public static final FeeOverrides NONE = new FeeOverrides(null, null, null);
}
