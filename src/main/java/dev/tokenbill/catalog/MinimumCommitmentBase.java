package dev.tokenbill.catalog;

/** What counts toward a plan's {@code minimum_commitment}. */
public enum MinimumCommitmentBase {
    /** the subscription's usage lines (and their per-charge true-ups) only: a commitment on usage. */
    USAGE,
    /** the recurring fee of the service period too: a "minimum spend" on the whole subscription. */
    FEE_AND_USAGE
}
