package dev.tokenbill.report;

import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.StoredInvoice;
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
    private long creditNotes;
    private final Map<String, CurrencyTotals> voidedTotals = new TreeMap<>();
    private final Map<String, CurrencyTotals> creditNoteTotals = new TreeMap<>();
    private long numbered;
    private String firstNumber;
    private String lastNumber;
    private final Map<String, CurrencyTotals> currencies = new TreeMap<>();
    private final Map<String, PlanCharges> plans = new TreeMap<>();
    private final MarginRow.Totals margins = new MarginRow.Totals();

    /** Adds one entry of the ledger. */
    void add(InvoiceLedger.Entry entry) {
        StoredInvoice stored = entry.invoice();
        if (stored.isCreditNote()) {
            creditNotes++;
            CurrencyTotals.add(creditNoteTotals, stored.invoice());
            return;
        }
        if (!entry.current()) {
            voided++;
            CurrencyTotals.add(voidedTotals, stored.invoice());
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

    /** The period's credit notes (each reverses one void invoice). */
    long creditNotes() {
        return creditNotes;
    }

    /** The void invoices of the period added up per currency code: the credit notes reverse them. */
    Map<String, CurrencyTotals> voidedTotals() {
        return voidedTotals;
    }

    /** The period's credit notes added up per currency code (negative amounts). */
    Map<String, CurrencyTotals> creditNoteTotals() {
        return creditNoteTotals;
    }

    /**
     * The correction ledger adds up: every void invoice has its credit note, and per currency the credit notes'
     * totals, credits applied and amounts due are the void invoices' negated. Invoices voided before credit notes
     * existed (an older database) have none: then only the counts are reported, nothing is checked.
     *
     * @throws IllegalStateException when it does not add up
     */
    void requireCreditNotesBalance() {
        if (voided != creditNotes) {
            return;
        }
        for (String currency : voidedTotals.keySet()) {
            CurrencyTotals v = voidedTotals.get(currency);
            CurrencyTotals c = creditNoteTotals.get(currency);
            if (c == null || v.total().plus(c.total()).signum() != 0 || v.due().plus(c.due()).signum() != 0
                    || v.credits().plus(c.credits()).signum() != 0) {
                throw new IllegalStateException("reconciliation failed: the credit notes of " + currency
                        + " do not reverse the void invoices (void total " + v.total().amount().toPlainString()
                        + ", credit notes " + (c == null ? "none" : c.total().amount().toPlainString()) + ")");
            }
        }
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
