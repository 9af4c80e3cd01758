package dev.tokenbill.usage.pipeline;

import dev.tokenbill.usage.UsageTotal;

/** One usage total with the customer whose subscription it belongs to. */
public record AggregatedUsage(String customerId, UsageTotal total) {
}
