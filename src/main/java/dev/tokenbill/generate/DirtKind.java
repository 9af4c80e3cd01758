package dev.tokenbill.generate;

/**
 * The kinds of dirty usage rows, each an extra row on top of the clean events. All but
 * {@link #OUT_OF_PERIOD} follow a clean event with probability {@code badRate}, in the
 * proportions given by {@link #weight}; out-of-period rows are a fixed few (see {@link DirtRows#outOfPeriodCount}).
 * Every malformed row has a fresh event id and exactly one defect.
 */
public enum DirtKind {
    /** The same line again, right after its original or at the top of the next file. */
    EXACT_DUPLICATE(30),
    /** The same event id with a different quantity, after its original (so the original wins). */
    CONFLICTING_DUPLICATE(16),
    NON_NUMERIC_QUANTITY(9),
    NEGATIVE_QUANTITY(9),
    UNPARSABLE_TIMESTAMP(9),
    UNKNOWN_CUSTOMER(9),
    /** A model missing from the catalog, or one that the customer's plan does not price. */
    UNKNOWN_MODEL(9),
    WRONG_COLUMN_COUNT(9),
    /** A valid event on the day before or after the period. */
    OUT_OF_PERIOD(0);

    final int weight;

    DirtKind(int weight) {
        this.weight = weight;
    }

    /** True for the rows that a billing run must reject (rather than count as duplicate or out of period). */
    public boolean malformed() {
        return switch (this) {
            case EXACT_DUPLICATE, CONFLICTING_DUPLICATE, OUT_OF_PERIOD -> false;
            case NON_NUMERIC_QUANTITY, NEGATIVE_QUANTITY, UNPARSABLE_TIMESTAMP, UNKNOWN_CUSTOMER, UNKNOWN_MODEL,
                    WRONG_COLUMN_COUNT -> true;
        };
    }
}
