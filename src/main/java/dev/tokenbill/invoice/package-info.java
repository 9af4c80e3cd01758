/**
 * Invoices and invoice lines (one record per line, discriminated by {@link dev.tokenbill.invoice.LineKind}).
 * Persistence lives in {@code invoice.internal}, PDF rendering in {@code invoice.pdf}.
 */
package dev.tokenbill.invoice;
