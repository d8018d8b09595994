package dev.huzhu.cli.claim;

import dev.huzhu.protocol.InvalidInputException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** A vote as typed: approve or reject (also yes/no, for/against). */
enum Decision {
    APPROVE, REJECT;

    boolean approve() {
        return this == APPROVE;
    }

    /** The picocli converter: a bad word is a usage error before anything runs. */
    static final class Converter implements ITypeConverter<Decision> {
        @Override
        public Decision convert(String text) {
            return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
                case "approve", "yes", "for" -> APPROVE;
                case "reject", "no", "against" -> REJECT;
                default -> throw new InvalidInputException("decision '" + text + "' must be approve or reject");
            };
        }
    }
}
