package dev.tokenbill.report;

import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.money.Money;
import java.util.Map;

/**
 * The invoices of one currency added up: their count and the sums of their rounded totals (no further rounding).
 * The numbers behind summary.csv, summary.pdf and the {@code totals} of run.json.
 */
record CurrencyTotals(long count, Money subtotal, Money discounts, Money tax, Money total, Money credits, Money due) {

    /** Adds {@code invoice} to the totals of its currency code in {@code totals} (a sorted map keeps code order). */
    static void add(Map<String, CurrencyTotals> totals, Invoice invoice) {
        totals.merge(invoice.currency().getCurrencyCode(), of(invoice), CurrencyTotals::plus);
    }

    private static CurrencyTotals of(Invoice i) {
        return new CurrencyTotals(1, i.subtotal(), i.discounts(), i.tax(), i.total(), i.credits(), i.amountDue());
    }

    private CurrencyTotals plus(CurrencyTotals o) {
        return new CurrencyTotals(count + o.count, subtotal.plus(o.subtotal), discounts.plus(o.discounts),
                tax.plus(o.tax), total.plus(o.total), credits.plus(o.credits), due.plus(o.due));
    }
}
