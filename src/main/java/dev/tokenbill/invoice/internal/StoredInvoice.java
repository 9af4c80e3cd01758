package dev.tokenbill.invoice.internal;

import dev.tokenbill.invoice.Invoice;

/** An invoice as stored for a run: its status (DRAFT, FINAL, VOID), number (null for drafts) and PDF file name. */
public record StoredInvoice(long runId, String period, String status, String number, String pdfFile, Invoice invoice) {
}
