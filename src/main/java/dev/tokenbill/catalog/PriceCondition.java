package dev.tokenbill.catalog;

/**
 * The per-request price condition an event falls under, decided per event before aggregation.
 * When both apply, LONG_CONTEXT wins: it is a property of the request, off-peak only of its time.
 */
public enum PriceCondition {
    STANDARD,
    OFF_PEAK,
    LONG_CONTEXT
}
