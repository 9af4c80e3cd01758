package dev.tokenbill.invoice;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days an invoice line bills, {@code start} inclusive, {@code end} exclusive: a recurring fee in advance covers the
 * next period, a fee in arrears and usage the active part of the billing period, an unused-days credit the days it
 * gives back. Discount and prepaid-credit lines have none (null on the line).
 */
public record ServicePeriod(LocalDate start, LocalDate end) {

    public ServicePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a service period ends after it starts: " + start + " to " + end);
        }
    }

    /**
     * The part of {@code [from, to)} during which a subscription running from {@code subscriptionStart} to
     * {@code subscriptionEnd} (exclusive, null = open-ended) is active; null when it is not active in it.
     */
    public static ServicePeriod overlap(LocalDate from, LocalDate to, LocalDate subscriptionStart,
            LocalDate subscriptionEnd) {
        LocalDate start = subscriptionStart.isAfter(from) ? subscriptionStart : from;
        LocalDate end = subscriptionEnd != null && subscriptionEnd.isBefore(to) ? subscriptionEnd : to;
        return end.isAfter(start) ? new ServicePeriod(start, end) : null;
    }

    /** The last day of the period (the day before the exclusive end). */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }
}
