package dev.huzhu.cli.claim;

import dev.huzhu.protocol.InvalidInputException;
import java.util.Locale;

/** "approve" / "reject" as typed (also yes/no). */
final class Decision {
    private Decision() {}

    static boolean parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "approve", "yes", "for" -> true;
            case "reject", "no", "against" -> false;
            default -> throw new InvalidInputException("decision '" + text + "' must be approve or reject");
        };
    }
}
