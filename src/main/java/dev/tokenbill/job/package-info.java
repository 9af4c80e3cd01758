/**
 * The Spring Batch wiring of a billing run: one job, its steps in order (validate, load customers,
 * read usage, aggregate, rate, number, render, report), and the operator rules ({@code BillingRuns}).
 * The step adapters live in one sub-package per step ({@code job.inputs}, {@code job.usage},
 * {@code job.allocation}, {@code job.rating}, {@code job.numbering}, {@code job.rendering},
 * {@code job.reports}); what they share in {@code job.run}, partitioning in {@code job.partition}.
 */
package dev.tokenbill.job;
