/**
 * Usage events: reading the usage files, validating and classifying each row (price condition,
 * subscription), de-duplication by event id and aggregation into {@link dev.tokenbill.usage.UsageTotal}s.
 */
package dev.tokenbill.usage;
