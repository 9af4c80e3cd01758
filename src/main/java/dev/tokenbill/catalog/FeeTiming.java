package dev.tokenbill.catalog;

/** When a recurring fee is billed relative to the period it pays for (see docs/catalog.md). */
public enum FeeTiming {
    IN_ADVANCE,
    IN_ARREARS
}
