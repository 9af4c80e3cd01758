package dev.tokenbill.invoice;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * One line of an invoice or credit note: a {@link FeeLine}, {@link UsageLine}, {@link AdjustmentLine},
 * {@link DiscountLine} or {@link CreditLine}, each holding only the fields of its kind. The accessors of every field
 * stay on this interface (null, or no tiers, for a kind without the field) so that views, reports and writers read
 * any line alike. {@code amount} is rounded once, HALF_UP, to the currency's minor unit.
 */
public sealed interface InvoiceLine permits FeeLine, UsageLine, AdjustmentLine, DiscountLine, CreditLine {

    LineKind kind();

    String description();

    Money amount();

    default String subscriptionId() {
        return null;
    }

    default String planId() {
        return null;
    }

    default String meter() {
        return null;
    }

    default String model() {
        return null;
    }

    default PriceCondition condition() {
        return null;
    }

    default BigDecimal usage() {
        return null;
    }

    default BigDecimal included() {
        return null;
    }

    default BigDecimal quantity() {
        return null;
    }

    default BigDecimal unitPrice() {
        return null;
    }

    default List<TierLine> tiers() {
        return List.of();
    }

    /** What a CREDIT line draws on (the credit grant id); null otherwise. */
    default String reference() {
        return null;
    }

    /** The days the line bills; null for discount and credit lines, and for charges not given one yet. */
    default ServicePeriod servicePeriod() {
        return null;
    }

    /** This line billing {@code period}; only charges bill a service period. */
    default InvoiceLine withServicePeriod(ServicePeriod period) {
        throw new UnsupportedOperationException("a " + kind() + " line bills no service period");
    }

    /**
     * A stored line rebuilt from its row (for the DAOs only): the record of its kind, taking the fields that kind
     * has. No TAX line is ever written (tax is a total of the invoice).
     */
    static InvoiceLine of(LineKind kind, String description, String subscriptionId, String planId, String meter,
            String model, PriceCondition condition, BigDecimal usage, BigDecimal included, BigDecimal quantity,
            BigDecimal unitPrice, Money amount, List<TierLine> tiers, String reference, ServicePeriod servicePeriod) {
        return switch (kind) {
            case RECURRING -> new FeeLine(description, subscriptionId, planId, quantity, unitPrice, amount,
                    servicePeriod);
            case USAGE -> new UsageLine(description, subscriptionId, planId, meter, model, condition, usage, included,
                    quantity, unitPrice, amount, tiers, servicePeriod);
            case TRUE_UP, COST_PLUS -> new AdjustmentLine(kind, description, subscriptionId, planId, quantity,
                    unitPrice, amount, servicePeriod);
            case DISCOUNT -> new DiscountLine(description, subscriptionId, quantity, amount);
            case CREDIT -> new CreditLine(description, quantity, amount, reference);
            case TAX -> throw new IllegalArgumentException("no invoice line is of kind TAX: " + description);
        };
    }
}
