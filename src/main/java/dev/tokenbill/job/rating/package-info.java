/**
 * Step rateCustomers, a chunk step: reads the customers to rate a page at a time
 * ({@link dev.tokenbill.job.rating.CustomerToRateReader}), rates each with the rating engine
 * ({@link dev.tokenbill.job.rating.RateCustomerProcessor}) and stores the invoices
 * ({@link dev.tokenbill.job.rating.JdbcInvoiceWriter}).
 */
package dev.tokenbill.job.rating;
