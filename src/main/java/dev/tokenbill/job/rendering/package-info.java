/**
 * Steps renderInvoices and renderCreditNotes: the PDF (and e-invoice) of every stored document
 * ({@link dev.tokenbill.job.rendering.UnrenderedInvoiceReader}, {@link dev.tokenbill.job.rendering.RenderInvoicesWriter},
 * {@link dev.tokenbill.job.rendering.EInvoiceRendering}, {@link dev.tokenbill.job.rendering.RenderCreditNotesTasklet}).
 */
package dev.tokenbill.job.rendering;
