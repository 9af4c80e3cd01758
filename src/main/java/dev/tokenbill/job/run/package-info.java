/**
 * Shared step support of the billing job, used by every step and by nothing it knows of: the run's parameters and
 * context ({@link dev.tokenbill.job.run.RunParameters}, {@link dev.tokenbill.job.run.RunContext},
 * {@link dev.tokenbill.job.run.RunCatalog}), the settings ({@link dev.tokenbill.job.run.BillingProperties}), stopping
 * on a signal ({@link dev.tokenbill.job.run.StopRequest}, {@link dev.tokenbill.job.run.StopAtChunkBoundary},
 * {@link dev.tokenbill.job.run.AbandonedOnStop}) and progress ({@link dev.tokenbill.job.run.StepProgress}). Depends
 * on no other job package but {@code job.partition}.
 */
package dev.tokenbill.job.run;
