package dev.tokenbill.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * The per-request price condition an event falls under, decided per event before aggregation: its
 * prompt band (1 = the first, standard band; 2.. = the long-context bands above it), whether it is
 * off-peak, and the plan's price date in effect on its day. A request above the first band is never
 * off-peak: the band is a property of the request, off-peak only of its time. {@code priceDate} is
 * the latest price change of the plan on or before the event's day, null before any (or none).
 *
 * <p>{@link #name()} is the stored form (usage_total and invoice_line {@code price_condition}, charges.csv):
 * STANDARD, OFF_PEAK, LONG_CONTEXT (band 2, as before bands existed), LONG_CONTEXT_3, LONG_CONTEXT_4, ...,
 * followed by {@code @2026-10-15} when a price date applies.
 */
public record PriceCondition(int band, boolean offPeak, LocalDate priceDate) implements Comparable<PriceCondition> {

    public static final PriceCondition STANDARD = new PriceCondition(1, false, null);
    public static final PriceCondition OFF_PEAK = new PriceCondition(1, true, null);
    public static final PriceCondition LONG_CONTEXT = new PriceCondition(2, false, null);

    /** A stored name stays within price_condition's varchar(40): "LONG_CONTEXT_99@2026-10-15" is 26 characters. */
    public static final int MAX_BANDS = 99;

    /** Price date first (time order), then standard, off-peak, and the bands upward: the order the quota is used in. */
    public static final Comparator<PriceCondition> QUOTA_ORDER = Comparator
            .comparing(PriceCondition::priceDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(PriceCondition::band).thenComparing(PriceCondition::offPeak);

    public PriceCondition {
        if (band < 1 || band > MAX_BANDS || (offPeak && band != 1)) {
            throw new IllegalArgumentException("no price condition for band " + band + (offPeak ? " off-peak" : ""));
        }
    }

    /** The condition of band {@code band} (1-based), not off-peak, without a price date. */
    public static PriceCondition band(int band) {
        return band == 1 ? STANDARD : band == 2 ? LONG_CONTEXT : new PriceCondition(band, false, null);
    }

    public PriceCondition withPriceDate(LocalDate date) {
        return java.util.Objects.equals(date, priceDate) ? this : new PriceCondition(band, offPeak, date);
    }

    /** The same condition without a price date. */
    public PriceCondition withoutPriceDate() {
        return withPriceDate(null);
    }

    public boolean isStandard() {
        return band == 1 && !offPeak;
    }

    /** In {@link #QUOTA_ORDER}: without price dates, STANDARD, OFF_PEAK, LONG_CONTEXT as the enum it replaces. */
    @Override
    public int compareTo(PriceCondition other) {
        return QUOTA_ORDER.compare(this, other);
    }

    public String name() {
        String base = offPeak ? "OFF_PEAK" : band == 1 ? "STANDARD" : band == 2 ? "LONG_CONTEXT" : "LONG_CONTEXT_" + band;
        return priceDate == null ? base : base + "@" + priceDate;
    }

    @Override
    public String toString() {
        return name();
    }

    /** The condition a {@link #name()} stands for. */
    public static PriceCondition valueOf(String name) {
        int at = name.indexOf('@');
        String base = at < 0 ? name : name.substring(0, at);
        LocalDate date;
        try {
            date = at < 0 ? null : LocalDate.parse(name.substring(at + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a price condition: " + name, e);
        }
        PriceCondition condition = switch (base) {
            case "STANDARD" -> STANDARD;
            case "OFF_PEAK" -> OFF_PEAK;
            case "LONG_CONTEXT" -> LONG_CONTEXT;
            default -> {
                // one spelling per condition: band 2 is LONG_CONTEXT, never LONG_CONTEXT_2
                if (!base.matches("LONG_CONTEXT_([3-9]|[1-9][0-9])")) {
                    throw new IllegalArgumentException("not a price condition: " + name);
                }
                yield band(Integer.parseInt(base.substring("LONG_CONTEXT_".length())));
            }
        };
        return condition.withPriceDate(date);
    }
}
