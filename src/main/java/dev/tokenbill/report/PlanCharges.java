package dev.tokenbill.report;

import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.money.Money;
import java.util.Map;

/**
 * The charges (the lines that make up subtotals: before discounts and tax) billed under one plan in one currency,
 * the sum of the rounded lines. The numbers behind the {@code plan} rows of summary.csv and summary.pdf.
 */
record PlanCharges(String planId, Money charges) {

    /**
     * Adds the charge lines of {@code invoice} to {@code byPlan}, one entry per plan and currency; a sorted map lists
     * them in plan id then currency code order.
     */
    static void add(Map<String, PlanCharges> byPlan, Invoice invoice) {
        for (InvoiceLine l : invoice.lines()) {
            if (l.kind().isCharge()) {
                byPlan.merge(l.planId() + "\u0000" + invoice.currency().getCurrencyCode(),
                        new PlanCharges(l.planId(), l.amount()),
                        (a, b) -> new PlanCharges(a.planId(), a.charges().plus(b.charges())));
            }
        }
    }
}
