package dev.tokenbill.generate;

import dev.tokenbill.period.BillingPeriod;

/**
 * What to generate. {@code files} usage files share the events evenly in time order;
 * {@code badRate} is the probability that a clean event is followed by one dirty row (0 = clean
 * input; see {@link DirtKind}).
 *
 * @param customers number of customers, 1 to 10,000,000
 * @param events number of clean, in-period usage events, 0 or more
 * @param period the month (or day) the events fall in
 * @param seed the only source of randomness
 * @param files number of usage files, 1 to 9,999
 * @param badRate dirt rows per clean event, 0 to 0.5
 */
public record GeneratorSpec(int customers, long events, BillingPeriod period, long seed, int files, double badRate) {

    public static final double DEFAULT_BAD_RATE = 0.001;
    static final long EVENTS_PER_FILE = 1_000_000;

    public GeneratorSpec {
        if (customers < 1 || customers > 10_000_000) {
            throw new IllegalArgumentException("--customers must be between 1 and 10,000,000, got " + customers);
        }
        if (events < 0) {
            throw new IllegalArgumentException("--events must be 0 or more, got " + events);
        }
        if (period == null) {
            throw new IllegalArgumentException("a period is needed");
        }
        if (files < 1 || files > 9_999) {
            throw new IllegalArgumentException("--files must be between 1 and 9,999, got " + files);
        }
        if (!(badRate >= 0 && badRate <= 0.5)) {
            throw new IllegalArgumentException("--bad-rate must be between 0 and 0.5, got " + badRate);
        }
    }

    /** A spec with the default file count, max(1, events / 1,000,000), and the default bad rate. */
    public static GeneratorSpec of(int customers, long events, String period, long seed) {
        return new GeneratorSpec(customers, events, BillingPeriod.parse(period), seed, defaultFiles(events), DEFAULT_BAD_RATE);
    }

    public static int defaultFiles(long events) {
        return (int) Math.min(9_999, Math.max(1, events / EVENTS_PER_FILE));
    }

    public GeneratorSpec withFiles(int count) {
        return new GeneratorSpec(customers, events, period, seed, count, badRate);
    }

    public GeneratorSpec withBadRate(double rate) {
        return new GeneratorSpec(customers, events, period, seed, files, rate);
    }

    public GeneratorSpec withSeed(long otherSeed) {
        return new GeneratorSpec(customers, events, period, otherSeed, files, badRate);
    }
}
