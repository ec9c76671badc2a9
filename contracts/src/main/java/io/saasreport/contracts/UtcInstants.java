package io.saasreport.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads an instant in the plain UTC form the services write, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, from its
 * digits. {@link Instant#parse} gives the same instant but goes through a formatter that costs several microseconds
 * and a kilobyte of garbage each time, more than the rest of reading a price tick; the services read one or two per
 * record. Anything else (an offset, which the schemas' date-time allows, a leap second, an invalid date) gives null,
 * for the caller's full parser to decide.
 */
public final class UtcInstants {

    private static final int SHORTEST = "2026-11-20T21:00:00Z".length();
    private static final int LONGEST = "2026-11-20T21:00:00.123456789Z".length();

    private UtcInstants() {
    }

    /** The instant, or null when the text is not in the plain UTC form (or not a valid one). */
    public static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > SHORTEST) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, length - 21);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    /** The value of {@code count} decimal digits from {@code from}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
