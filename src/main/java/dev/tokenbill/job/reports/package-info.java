/**
 * Step writeReports ({@link dev.tokenbill.job.reports.WriteReportsTasklet}): the run's reports, read from the
 * database a page at a time ({@link dev.tokenbill.job.reports.JdbcInvoiceLedger}).
 */
package dev.tokenbill.job.reports;
