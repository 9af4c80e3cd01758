package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * A coupon of the catalog. PERCENT coupons take {@code percent} (20 for 20 %) of the charges they
 * target; FIXED coupons take {@code amount} in {@code currency} once per service period, never more
 * than that period's charges. Duration counts periods of service (not invoices) from the
 * subscription's start: ONCE = its first period, REPEATING = its first {@code periods} periods,
 * FOREVER = every period.
 */
public record Coupon(String code, Kind kind, BigDecimal percent, BigDecimal amount, Currency currency,
        Duration duration, int periods, List<Target> targets) {

    public Coupon {
        targets = List.copyOf(targets);
    }

    public enum Kind { PERCENT, FIXED }

    public enum Duration { ONCE, REPEATING, FOREVER }

    /** What a coupon applies to: all charges, recurring fees, usage charges, or the usage of one meter. */
    public record Target(TargetKind kind, String meter) {
        public static final Target ALL = new Target(TargetKind.ALL, null);
    }

    public enum TargetKind { ALL, RECURRING, USAGE, METER }

    /** Whether the coupon applies in the subscription's {@code periodNumber}-th billing period (1 = the first). */
    public boolean activeInPeriod(long periodNumber) {
        return switch (duration) {
            case ONCE -> periodNumber == 1;
            case REPEATING -> periodNumber <= periods;
            case FOREVER -> true;
        };
    }
}
