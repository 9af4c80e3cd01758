package dev.tokenbill.invoice;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * One line of an invoice. For usage, {@code usage} is the accepted quantity, {@code included} the
 * part covered by the plan's quota and {@code quantity} the billed rest; {@code unitPrice} is null
 * for tiered and package charges, whose breakdown is in {@code tiers} or the description.
 * {@code amount} is rounded once, HALF_UP, to the currency's minor unit (a tiered line: the sum of
 * its rounded tier amounts). {@code reference} names what a DISCOUNT or CREDIT line draws on
 * (the credit grant id); null otherwise. {@code servicePeriod} is the days the line bills (null for discount and
 * credit lines, and for lines built without one).
 */
public record InvoiceLine(
        LineKind kind,
        String description,
        String subscriptionId,
        String planId,
        String meter,
        String model,
        PriceCondition condition,
        BigDecimal usage,
        BigDecimal included,
        BigDecimal quantity,
        BigDecimal unitPrice,
        Money amount,
        List<TierLine> tiers,
        String reference,
        ServicePeriod servicePeriod) {

    public InvoiceLine {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A line without a service period. */
    public InvoiceLine(LineKind kind, String description, String subscriptionId, String planId, String meter, String model,
            PriceCondition condition, BigDecimal usage, BigDecimal included, BigDecimal quantity, BigDecimal unitPrice,
            Money amount, List<TierLine> tiers, String reference) {
        this(kind, description, subscriptionId, planId, meter, model, condition, usage, included, quantity, unitPrice,
                amount, tiers, reference, null);
    }

    /** This line billing {@code period}. */
    public InvoiceLine withServicePeriod(ServicePeriod period) {
        return new InvoiceLine(kind, description, subscriptionId, planId, meter, model, condition, usage, included,
                quantity, unitPrice, amount, tiers, reference, period);
    }

    /** A line without a reference. */
    public InvoiceLine(LineKind kind, String description, String subscriptionId, String planId, String meter, String model,
            PriceCondition condition, BigDecimal usage, BigDecimal included, BigDecimal quantity, BigDecimal unitPrice,
            Money amount, List<TierLine> tiers) {
        this(kind, description, subscriptionId, planId, meter, model, condition, usage, included, quantity, unitPrice,
                amount, tiers, null);
    }

    public static InvoiceLine simple(LineKind kind, String description, String subscriptionId, String planId,
            BigDecimal quantity, BigDecimal unitPrice, Money amount) {
        return new InvoiceLine(kind, description, subscriptionId, planId, null, null, null, null, null, quantity,
                unitPrice, amount, List.of());
    }
}
