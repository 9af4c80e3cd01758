package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A usage charge of a plan: how one meter (optionally of one model; null = every model) is priced.
 * Only the fields of its {@link PricingModel} are set. {@code included} units per interval are free.
 * {@code longContextUnitPrice} and {@code offPeakUnitPrice} price the units of requests that meet
 * the model's long-context or off-peak condition (null: the condition does not change the price).
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
        BigDecimal longContextUnitPrice,
        BigDecimal offPeakUnitPrice,
        ChargeMinimums minimums) {

    public Charge {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        included = included == null ? BigDecimal.ZERO : included;
        minimums = minimums == null ? ChargeMinimums.NONE : minimums;
    }

    /** A charge without a minimum and without a flat fee at zero usage. */
    public Charge(String meter, String model, PricingModel pricing, BigDecimal unitPrice, BigDecimal packageSize,
            BigDecimal packagePrice, List<Tier> tiers, BigDecimal included, BigDecimal longContextUnitPrice,
            BigDecimal offPeakUnitPrice) {
        this(meter, model, pricing, unitPrice, packageSize, packagePrice, tiers, included, longContextUnitPrice,
                offPeakUnitPrice, ChargeMinimums.NONE);
    }

    public boolean matches(String meterName, String modelName) {
        return meter.equals(meterName) && (model == null || model.equals(modelName));
    }

    /** The per-unit price of units that meet {@code condition}, or null if they use the base pricing. */
    public BigDecimal conditionPrice(PriceCondition condition) {
        return switch (condition) {
            case STANDARD -> null;
            case LONG_CONTEXT -> longContextUnitPrice;
            case OFF_PEAK -> offPeakUnitPrice;
        };
    }
}
