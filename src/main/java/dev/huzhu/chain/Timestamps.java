package dev.huzhu.chain;

import dev.huzhu.protocol.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Points in time as people write them: 2027-01-03, 2027-01-03 10:00, 2027-01-03T10:00:00Z (UTC), or Unix seconds. */
public final class Timestamps {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static long parse(String text, String option) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.matches("\\d{1,12}")) {
                return Long.parseLong(t);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?")) {
                return LocalDateTime.parse(t.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
            }
            return Instant.parse(t).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + " '" + text + "' is not a date (2027-01-03, 2027-01-03 10:00 UTC, ISO-8601 or Unix seconds)");
        }
    }

    public static String format(long epochSeconds) {
        return UTC.format(Instant.ofEpochSecond(epochSeconds));
    }
}
