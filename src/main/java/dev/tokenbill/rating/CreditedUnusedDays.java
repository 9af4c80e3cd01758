package dev.tokenbill.rating;

import dev.tokenbill.invoice.ServicePeriod;
import java.math.BigDecimal;

/**
 * Unused days that the next period's final invoice ({@code invoiceNumber}) already credited for a subscription: the
 * days, and the credit line's quantity, unit price and (negative) amount. Read when a period is billed again (a
 * correction) after the next one is final: the fee billed in advance that the credit settled is on the voided invoice,
 * so the replacing invoice bills those days again ({@link UnusedDays#billedAgain}) instead of the next period's credit
 * being given twice.
 */
public record CreditedUnusedDays(String subscriptionId, ServicePeriod days, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal amount, String invoiceNumber) {
}
