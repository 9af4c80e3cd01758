package dev.tokenbill.report;

import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.internal.StoredInvoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the reports say about the ledger as a whole, added up invoice by invoice in one pass: counts, the first and
 * last invoice number, totals per currency and per plan, and the margin report's TOTAL rows. Its size depends on the
 * number of currencies and plans, not of invoices.
 */
final class LedgerTotals {

    private long current;
    private long voided;
    private long numbered;
    private String firstNumber;
    private String lastNumber;
    private final Map<String, CurrencyTotals> currencies = new TreeMap<>();
    private final Map<String, PlanCharges> plans = new TreeMap<>();
    private final MarginRow.Totals margins = new MarginRow.Totals();

    /** Adds one entry of the ledger. */
    void add(InvoiceLedger.Entry entry) {
        StoredInvoice stored = entry.invoice();
        if (!entry.current()) {
            voided++;
            return;
        }
        Invoice invoice = stored.invoice();
        current++;
        String number = stored.number();
        if (number != null) {
            numbered++;
            firstNumber = firstNumber == null || number.compareTo(firstNumber) < 0 ? number : firstNumber;
            lastNumber = lastNumber == null || number.compareTo(lastNumber) > 0 ? number : lastNumber;
        }
        CurrencyTotals.add(currencies, invoice);
        PlanCharges.add(plans, invoice);
        margins.add(invoice, entry.allocation());
    }

    /** The run's own invoices: the ledger also lists the void invoices a correction run replaced. */
    long current() {
        return current;
    }

    long voided() {
        return voided;
    }

    /** How many of the run's invoices have a number (none for drafts). */
    long numbered() {
        return numbered;
    }

    /** The smallest invoice number of the run, or null. */
    String firstNumber() {
        return firstNumber;
    }

    /** The largest invoice number of the run, or null. */
    String lastNumber() {
        return lastNumber;
    }

    /** Totals per currency code, in code order. */
    Map<String, CurrencyTotals> currencies() {
        return currencies;
    }

    /** One entry per plan and currency, in plan id then currency code order. */
    List<PlanCharges> plans() {
        return new ArrayList<>(plans.values());
    }

    /** The margin report's TOTAL rows. */
    List<MarginRow> marginTotals() {
        return margins.rows();
    }
}
