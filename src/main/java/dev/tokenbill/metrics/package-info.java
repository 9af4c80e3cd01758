/**
 * The run's metrics for monitoring: Spring Batch's own observations (job, step, item and chunk timers) and
 * tokenbill's figures (usage rows per file and outcome, invoices, amounts per currency, step times, renders per
 * second), written at the end of every run, completed, failed or stopped, to {@code output/<period>/metrics.prom} in
 * the Prometheus text format and, when configured, pushed to a Prometheus Pushgateway. An adapter: Spring, JDBC and
 * Micrometer live here; nothing in the billing core depends on it, and a metrics failure never fails a run.
 */
package dev.tokenbill.metrics;
