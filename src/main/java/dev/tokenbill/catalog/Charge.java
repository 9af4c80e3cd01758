package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A usage charge of a plan: how one meter (optionally of one model; null = every model) is priced.
 * Only the fields of its {@link PricingModel} are set. {@code included} units per interval are free.
 * {@code bandUnitPrices} price the units of requests in prompt bands 2, 3, ... of the model (the
 * first band uses the charge's pricing), {@code offPeakUnitPrice} those of off-peak requests (empty
 * or null: the condition does not change the price). {@code priceChanges}, ordered by date, replace
 * these prices from their date on; the charge's own prices apply before the first.
 * {@code minimums} (never null) says what the charge bills however little it is used.
 */
public record Charge(
        String meter,
        String model,
        PricingModel pricing,
        BigDecimal unitPrice,
        BigDecimal packageSize,
        BigDecimal packagePrice,
        List<Tier> tiers,
        BigDecimal included,
        List<BigDecimal> bandUnitPrices,
        BigDecimal offPeakUnitPrice,
        List<PriceChange> priceChanges,
        ChargeMinimums minimums) {

    /** New prices of a charge from {@code from} (a day in the billing time zone) on; its meter, model and quota stay. */
    public record PriceChange(LocalDate from, Charge prices) {
    }

    public Charge {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        included = included == null ? BigDecimal.ZERO : included;
        bandUnitPrices = bandUnitPrices == null ? List.of() : List.copyOf(bandUnitPrices);
        priceChanges = priceChanges == null ? List.of() : List.copyOf(priceChanges);
        minimums = minimums == null ? ChargeMinimums.NONE : minimums;
    }

    /** A charge with at most one long-context price (band 2), no price changes and no minimums. */
    public Charge(String meter, String model, PricingModel pricing, BigDecimal unitPrice, BigDecimal packageSize,
            BigDecimal packagePrice, List<Tier> tiers, BigDecimal included, BigDecimal longContextUnitPrice,
            BigDecimal offPeakUnitPrice) {
        this(meter, model, pricing, unitPrice, packageSize, packagePrice, tiers, included, longContextUnitPrice,
                offPeakUnitPrice, ChargeMinimums.NONE);
    }

    /** A charge with at most one long-context price (band 2) and no price changes. */
    public Charge(String meter, String model, PricingModel pricing, BigDecimal unitPrice, BigDecimal packageSize,
            BigDecimal packagePrice, List<Tier> tiers, BigDecimal included, BigDecimal longContextUnitPrice,
            BigDecimal offPeakUnitPrice, ChargeMinimums minimums) {
        this(meter, model, pricing, unitPrice, packageSize, packagePrice, tiers, included,
                longContextUnitPrice == null ? List.of() : List.of(longContextUnitPrice), offPeakUnitPrice, List.of(),
                minimums);
    }

    /** A charge without minimums. */
    public Charge(String meter, String model, PricingModel pricing, BigDecimal unitPrice, BigDecimal packageSize,
            BigDecimal packagePrice, List<Tier> tiers, BigDecimal included, List<BigDecimal> bandUnitPrices,
            BigDecimal offPeakUnitPrice, List<PriceChange> priceChanges) {
        this(meter, model, pricing, unitPrice, packageSize, packagePrice, tiers, included, bandUnitPrices,
                offPeakUnitPrice, priceChanges, ChargeMinimums.NONE);
    }

    public boolean matches(String meterName, String modelName) {
        return meter.equals(meterName) && (model == null || model.equals(modelName));
    }

    /** The price of band 2 (the first long-context band), or null. */
    public BigDecimal longContextUnitPrice() {
        return bandUnitPrices.isEmpty() ? null : bandUnitPrices.get(0);
    }

    /** The per-unit price of units that meet {@code condition}, or null if they use the base pricing. */
    public BigDecimal conditionPrice(PriceCondition condition) {
        if (condition.offPeak()) {
            return offPeakUnitPrice;
        }
        int index = condition.band() - 2;
        return index >= 0 && index < bandUnitPrices.size() ? bandUnitPrices.get(index) : null;
    }

    /** The prices in effect on {@code day} (this charge before its first change; null: before any change). */
    public Charge pricesOn(LocalDate day) {
        Charge prices = this;
        if (day != null) {
            for (PriceChange change : priceChanges) {
                if (change.from().isAfter(day)) {
                    break;
                }
                prices = change.prices();
            }
        }
        return prices;
    }

    /** The date the prices in effect on {@code day} start from, null for the charge's own (first) prices. */
    public LocalDate priceDateOn(LocalDate day) {
        LocalDate from = null;
        if (day != null) {
            for (PriceChange change : priceChanges) {
                if (change.from().isAfter(day)) {
                    break;
                }
                from = change.from();
            }
        }
        return from;
    }
}
