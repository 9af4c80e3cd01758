package dev.tokenbill.invoice;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;

/**
 * A charge worked out from the others: a TRUE_UP to a minimum commitment ({@code unitPrice} the shortfall) or a
 * COST_PLUS line ({@code unitPrice} the allocated cost, {@code quantity} 1 + margin).
 */
public record AdjustmentLine(LineKind kind, String description, String subscriptionId, String planId,
        BigDecimal quantity, BigDecimal unitPrice, Money amount, ServicePeriod servicePeriod) implements InvoiceLine {

    public AdjustmentLine {
        if (kind != LineKind.TRUE_UP && kind != LineKind.COST_PLUS) {
            throw new IllegalArgumentException("an adjustment is a TRUE_UP or COST_PLUS line, not " + kind);
        }
    }

    /** A line without a service period yet (the invoice's fills it in). */
    public AdjustmentLine(LineKind kind, String description, String subscriptionId, String planId, BigDecimal quantity,
            BigDecimal unitPrice, Money amount) {
        this(kind, description, subscriptionId, planId, quantity, unitPrice, amount, null);
    }

    @Override
    public AdjustmentLine withServicePeriod(ServicePeriod period) {
        return new AdjustmentLine(kind, description, subscriptionId, planId, quantity, unitPrice, amount, period);
    }
}
