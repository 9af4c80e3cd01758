/**
 * Step numberInvoices ({@link dev.tokenbill.job.numbering.NumberInvoicesTasklet}): gapless sequential invoice
 * numbers ({@link dev.tokenbill.job.numbering.InvoiceNumbering}) and the credit notes of a correction
 * ({@link dev.tokenbill.job.numbering.CreditNoteIssuer}).
 */
package dev.tokenbill.job.numbering;
