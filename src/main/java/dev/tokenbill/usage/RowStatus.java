package dev.tokenbill.usage;

/** What became of one usage row; every row read ends in exactly one status (the reconciliation). */
public enum RowStatus {
    /** Valid, in the period, billed (until de-duplication may turn it into DUPLICATE or a conflict REJECTED). */
    ACCEPTED,
    /** Same event id and same content as an earlier row: counted once. */
    DUPLICATE,
    /** Invalid; the reason is in rejects.csv. */
    REJECTED,
    /** Valid but outside the run's billing period (or on a plan billed by runs of the other interval). */
    OUT_OF_PERIOD,
    /**
     * Valid for a period of the run's interval that is already billed final, and not billed by that final run:
     * late usage, rejected (pass 2 decides; an event id the final billed makes it a duplicate or a conflict).
     */
    LATE
}
