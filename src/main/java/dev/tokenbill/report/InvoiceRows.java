package dev.tokenbill.report;

import dev.tokenbill.csv.CsvSink;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.StoredInvoice;
import java.time.LocalDate;

/**
 * The invoices.csv row of one ledger document ({@link RunReports#INVOICES_HEADER}): amounts as exact decimal strings
 * (a credit note's negative), {@code tax_rate} as a fraction (0.19), dates ISO; a draft has no number, a credit note
 * no due date. {@code corrects}: the invoice a replacing invoice corrects; {@code credited_invoice}: the invoice a
 * credit note credits.
 */
final class InvoiceRows {

    private InvoiceRows() {
    }

    static void write(CsvSink csv, InvoiceLedger.Entry entry) {
        StoredInvoice stored = entry.invoice();
        Invoice i = stored.invoice();
        LocalDate due = entry.dueDate();
        csv.row(type(stored), stored.number(), i.customerId(), stored.period(), stored.issueDate(),
                due == null ? "" : due.toString(), i.currency().getCurrencyCode(), plain(i.subtotal()),
                plain(i.discounts()), i.taxRate().stripTrailingZeros().toPlainString(), plain(i.tax()), plain(i.total()),
                plain(i.credits()), plain(i.amountDue()), stored.status(),
                stored.isCreditNote() ? "" : stored.reference(), stored.isCreditNote() ? stored.reference() : "");
    }

    static String type(StoredInvoice stored) {
        return stored.isCreditNote() ? "credit_note" : "invoice";
    }

    private static String plain(dev.tokenbill.money.Money money) {
        return money.amount().toPlainString();
    }
}
