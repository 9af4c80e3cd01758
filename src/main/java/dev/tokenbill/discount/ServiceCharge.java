package dev.tokenbill.discount;

import dev.tokenbill.invoice.InvoiceLine;

/**
 * A charge line and the service period it belongs to, counted from the invoice's period: 0 = that period,
 * 1 = the next one (a recurring fee billed in advance). {@code onThisInvoice} false marks a charge of the
 * invoice's period that an earlier invoice billed (its fee in advance): it is not discounted again, but it
 * has used up that much of a fixed coupon's amount for the period.
 */
public record ServiceCharge(InvoiceLine line, int periodOffset, boolean onThisInvoice) {

    /** A charge of the invoice's own period, on the invoice. */
    public static ServiceCharge ofThisPeriod(InvoiceLine line) {
        return new ServiceCharge(line, 0, true);
    }
}
