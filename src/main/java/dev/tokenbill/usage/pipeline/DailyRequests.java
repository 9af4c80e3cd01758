package dev.tokenbill.usage.pipeline;

import java.time.LocalDate;

/**
 * A customer's accepted usage rows (requests) per day of the period, {@code requests[0]} on
 * {@code firstDay}: the series behind the invoice's daily usage chart.
 */
public record DailyRequests(String customerId, LocalDate firstDay, long[] requests) {
}
