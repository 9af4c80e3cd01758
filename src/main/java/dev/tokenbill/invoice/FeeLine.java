package dev.tokenbill.invoice;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;

/**
 * A RECURRING line: a plan's recurring fee, {@code quantity} seats at {@code unitPrice}, prorated to its service
 * period; negative for the unused days of a fee billed in advance.
 */
public record FeeLine(String description, String subscriptionId, String planId, BigDecimal quantity,
        BigDecimal unitPrice, Money amount, ServicePeriod servicePeriod) implements InvoiceLine {

    @Override
    public LineKind kind() {
        return LineKind.RECURRING;
    }

    @Override
    public FeeLine withServicePeriod(ServicePeriod period) {
        return new FeeLine(description, subscriptionId, planId, quantity, unitPrice, amount, period);
    }
}
