package dev.huzhu.cli.options;

import dev.huzhu.protocol.TokenAmount;
import picocli.CommandLine.ITypeConverter;

/**
 * An amount as typed, in token units ("12.5"): checked to be a non-negative decimal number when the
 * command line is parsed (a usage error before anything runs); scaled to base units once the token's
 * decimals are known, which may still refuse too many decimals.
 */
public record TokenQuantity(String text) {
    @Override
    public String toString() {
        return text;
    }

    /** The picocli converter: the protocol's own amount rules (empty, not a decimal number, negative). */
    public static final class Converter implements ITypeConverter<TokenQuantity> {
        @Override
        public TokenQuantity convert(String text) {
            return new TokenQuantity(TokenAmount.check(text));
        }
    }
}
