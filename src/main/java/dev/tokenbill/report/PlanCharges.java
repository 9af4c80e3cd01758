package dev.tokenbill.report;

import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.internal.StoredInvoice;
import dev.tokenbill.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The charges (the lines that make up subtotals: before discounts and tax) billed under one plan in one currency,
 * the sum of the rounded lines. The numbers behind the {@code plan} rows of summary.csv and summary.pdf.
 */
record PlanCharges(String planId, Money charges) {

    /** One entry per plan and currency, in plan id then currency code order. */
    static List<PlanCharges> of(List<StoredInvoice> invoices) {
        Map<String, PlanCharges> byPlan = new TreeMap<>();
        for (StoredInvoice s : invoices) {
            for (InvoiceLine l : s.invoice().lines()) {
                if (l.kind().isCharge()) {
                    byPlan.merge(l.planId() + "\u0000" + s.invoice().currency().getCurrencyCode(),
                            new PlanCharges(l.planId(), l.amount()),
                            (a, b) -> new PlanCharges(a.planId(), a.charges().plus(b.charges())));
                }
            }
        }
        return new ArrayList<>(byPlan.values());
    }
}
