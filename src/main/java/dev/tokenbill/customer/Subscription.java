package dev.tokenbill.customer;

import java.time.LocalDate;

/**
 * A customer's subscription to a plan, {@code start} inclusive, {@code end} exclusive (null =
 * open-ended). {@code quantity} multiplies the recurring fee (seats). {@code couponCode} may be null.
 */
public record Subscription(String id, String customerId, String planId, LocalDate start, LocalDate end, int quantity,
        String couponCode) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(start) && (end == null || day.isBefore(end));
    }

    public boolean overlaps(Subscription other) {
        boolean thisEndsBefore = end != null && !end.isAfter(other.start);
        boolean otherEndsBefore = other.end != null && !other.end.isAfter(start);
        return !thisEndsBefore && !otherEndsBefore;
    }
}
