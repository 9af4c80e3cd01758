package dev.tokenbill.usage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Parses usage timestamps: ISO-8601 instants with an offset, exactly what
 * {@link OffsetDateTime#parse(CharSequence)} accepts. The common shape
 * {@code 2026-10-05T13:45:12[.345](Z|+02:00)} is read by hand (the general parser costs more than
 * the rest of a row's validation); every other text goes to the general parser.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** @throws DateTimeException when the text is not an ISO-8601 instant with an offset */
    public static Instant parse(String text) {
        Instant fast = parseCommon(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** The common shape, or null when the text has another shape (then the general parser decides). */
    static Instant parseCommon(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        char sign = s.charAt(i);
        if (sign == 'Z' && i == n - 1) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && i == n - 6 && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0) {
                return null;
            }
            // ZoneOffset checks the range (at most 18:00, minutes below 60) and throws like the parser
            ZoneOffset offset = sign == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
            offsetSeconds = offset.getTotalSeconds();
        } else {
            return null;
        }
        // LocalDateTime.of checks the calendar (2026-02-30, hour 24, second 60) and throws like the parser
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        return Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds, nanos);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
