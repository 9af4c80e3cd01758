package dev.tokenbill.invoice;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * A USAGE line: {@code usage} is the accepted quantity of the meter (and model, null for every model) under its
 * price condition, {@code included} the part covered by the plan's quota and {@code quantity} the billed rest.
 * {@code unitPrice} is null for tiered and package charges, whose breakdown is in {@code tiers} or the description;
 * a tiered line's amount is the sum of its rounded tier amounts.
 */
public record UsageLine(String description, String subscriptionId, String planId, String meter, String model,
        PriceCondition condition, BigDecimal usage, BigDecimal included, BigDecimal quantity, BigDecimal unitPrice,
        Money amount, List<TierLine> tiers, ServicePeriod servicePeriod) implements InvoiceLine {

    public UsageLine {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A line without a service period yet (the invoice's fills it in). */
    public UsageLine(String description, String subscriptionId, String planId, String meter, String model,
            PriceCondition condition, BigDecimal usage, BigDecimal included, BigDecimal quantity, BigDecimal unitPrice,
            Money amount, List<TierLine> tiers) {
        this(description, subscriptionId, planId, meter, model, condition, usage, included, quantity, unitPrice, amount,
                tiers, null);
    }

    @Override
    public LineKind kind() {
        return LineKind.USAGE;
    }

    @Override
    public UsageLine withServicePeriod(ServicePeriod period) {
        return new UsageLine(description, subscriptionId, planId, meter, model, condition, usage, included, quantity,
                unitPrice, amount, tiers, period);
    }
}
