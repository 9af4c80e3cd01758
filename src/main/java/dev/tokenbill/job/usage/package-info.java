/**
 * The usage steps of the billing job (prepareUsage, readUsage, sumUsage, checkUsage): Spring Batch
 * adapters around the plain-Java units of {@code usage.pipeline}, partitioned through
 * {@link dev.tokenbill.job.partition.Partitions}.
 */
package dev.tokenbill.job.usage;
