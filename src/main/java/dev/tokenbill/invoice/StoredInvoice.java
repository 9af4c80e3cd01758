package dev.tokenbill.invoice;

import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.period.BillingPeriod;
import java.time.LocalDate;

/**
 * A document as stored for a run: an invoice with its status (DRAFT, FINAL, VOID), number (null for drafts) and PDF
 * file name, or a credit note (status FINAL, its CN- number). {@code reference}: for an invoice the number of the
 * invoice it corrects (null unless a correction run issued it), for a credit note the number of the invoice it
 * credits. {@code paymentTermsDays}: the customer's own terms (null: the seller's). {@code issueDate}: the day after
 * the period for an invoice, as stored for a credit note.
 */
public record StoredInvoice(long runId, String period, String status, String number, String pdfFile, Invoice invoice,
        DocumentKind kind, String reference, Integer paymentTermsDays, LocalDate issueDate) {

    /** An invoice that corrects nothing, with the seller's payment terms. */
    public StoredInvoice(long runId, String period, String status, String number, String pdfFile, Invoice invoice) {
        this(runId, period, status, number, pdfFile, invoice, DocumentKind.INVOICE, null, null,
                BillingPeriod.parse(period).end());
    }

    public boolean isCreditNote() {
        return kind == DocumentKind.CREDIT_NOTE;
    }
}
