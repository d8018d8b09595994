package dev.huzhu.chain;

import dev.huzhu.protocol.InvalidInputException;

/** Durations of plan rules, written the way people do: "30d", "12h", "90m", "45s" (or plain seconds). */
public final class Durations {
    private Durations() {}

    /**
     * Parses "30d", "12h", "90m", "45s", "1w" or whole seconds; a bad one is named with {@code option} (when
     * empty, the message starts with the quoted text and the caller names the option).
     */
    public static long parse(String text, String option) {
        String named = option.isEmpty() ? "" : option + " ";
        if (text == null || !text.matches("\\d{1,9}[wdhms]?")) {
            throw new InvalidInputException(named + "'" + text + "' is not a duration (like 30d, 12h, 90m, 45s or seconds)");
        }
        char last = text.charAt(text.length() - 1);
        char unit = Character.isDigit(last) ? 's' : last;
        long n = Long.parseLong(Character.isDigit(last) ? text : text.substring(0, text.length() - 1));
        long seconds = switch (unit) {
            case 'w' -> n * 7 * 86_400;
            case 'd' -> n * 86_400;
            case 'h' -> n * 3_600;
            case 'm' -> n * 60;
            default -> n;
        };
        if (seconds > 0xFFFFFFFFL) {
            throw new InvalidInputException(named + "'" + text + "' is too long (at most about 136 years)");
        }
        return seconds;
    }

    /** 2592000 → "30d", 5400 → "90m", 0 → "0s". */
    public static String format(long seconds) {
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
