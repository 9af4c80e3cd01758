/**
 * Step readUsage ({@link dev.tokenbill.job.usage.ReadUsageTasklet}): runs the usage pipeline over the usage files into
 * the database ({@link dev.tokenbill.job.usage.JdbcUsageStore}), with the events earlier final runs billed for
 * de-duplication across periods.
 */
package dev.tokenbill.job.usage;
