package dev.tokenbill.period;

import dev.tokenbill.catalog.BillingInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A billing period: a calendar month ({@code 2026-10}) or a day ({@code 2026-10-21}), start
 * inclusive, end exclusive, in the billing time zone. It always comes from the job parameter,
 * never from the clock.
 */
public record BillingPeriod(String label, LocalDate start, LocalDate end, BillingInterval interval) {

    public static BillingPeriod parse(String text) {
        try {
            if (text.length() == 7) {
                YearMonth month = YearMonth.parse(text);
                return new BillingPeriod(text, month.atDay(1), month.plusMonths(1).atDay(1), BillingInterval.MONTHLY);
            }
            LocalDate day = LocalDate.parse(text);
            return new BillingPeriod(text, day, day.plusDays(1), BillingInterval.DAILY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period must be YYYY-MM (a month) or YYYY-MM-DD (a day), got '" + text + "'");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** The next period of the same length, for fees billed in advance. */
    public BillingPeriod next() {
        return interval == BillingInterval.MONTHLY
                ? parse(YearMonth.from(start).plusMonths(1).toString())
                : parse(end.toString());
    }

    public boolean contains(Instant instant, ZoneId zone) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return !date.isBefore(start) && date.isBefore(end);
    }

    /** The number of days of [from, to) that fall inside this period; {@code to} null = open-ended. */
    public long overlapDays(LocalDate from, LocalDate to) {
        LocalDate s = from.isAfter(start) ? from : start;
        LocalDate e = to == null || to.isAfter(end) ? end : to;
        return Math.max(0, ChronoUnit.DAYS.between(s, e));
    }
}
