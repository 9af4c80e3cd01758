/**
 * Step allocateCosts ({@link dev.tokenbill.job.allocation.AllocateCostsTasklet}): allocates the period's cost pools
 * (costs.csv) over the customers billed in the run.
 */
package dev.tokenbill.job.allocation;
