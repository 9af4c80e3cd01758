package dev.tokenbill.usage.pipeline;

/** An event a final run billed: its id and the 128-bit hash of its content. */
public record BilledEvent(String eventId, long contentHigh, long contentLow) {
}
