package dev.tokenbill.invoice;

import dev.tokenbill.money.Money;
import java.util.Currency;
import java.util.List;

/**
 * A rated invoice of one customer and period, before numbering. {@code lines} holds the charges
 * (their sum is the subtotal); discounts, tax and credits are the totals below it.
 * total = subtotal - discounts + tax; amountDue = total - credits.
 */
public record Invoice(
        String customerId,
        Currency currency,
        List<InvoiceLine> lines,
        Money subtotal,
        Money discounts,
        String taxName,
        java.math.BigDecimal taxRate,
        Money tax,
        boolean taxExempt,
        Money total,
        Money credits,
        Money amountDue) {

    public Invoice {
        lines = List.copyOf(lines);
    }
}
