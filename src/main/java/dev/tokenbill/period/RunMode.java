package dev.tokenbill.period;

/** How a run bills: DRAFT invoices are unnumbered previews, FINAL ones are numbered and issued. */
public enum RunMode {
    DRAFT, FINAL;

    /** {@code "DRAFT"} or {@code "FINAL"}, as stored in the job parameters and the database. */
    public static RunMode of(String name) {
        return valueOf(name);
    }
}
