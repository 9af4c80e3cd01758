/**
 * summary.pdf: the run summary's printed view ({@link dev.tokenbill.report.pdf.SummaryView}, every value already
 * formatted) and its JasperReports renderer, bound to {@code templates/summary.jrxml}.
 */
package dev.tokenbill.report.pdf;
