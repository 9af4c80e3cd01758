package dev.tokenbill.period;

/**
 * The state of a billing period, derived from its runs (the README's lifecycle table).
 *
 * <ul>
 * <li>OPEN: no run yet.</li>
 * <li>DRAFT: draft runs only (any outcome).</li>
 * <li>FINAL_IN_PROGRESS: a final or correction run is executing (or its process died mid-run).</li>
 * <li>FAILED_FINAL: a final or correction run failed or was stopped; only {@code restart} moves it on.</li>
 * <li>FINAL: a final run completed.</li>
 * <li>CORRECTED: a correction run completed (its invoices replace the earlier final ones).</li>
 * </ul>
 */
public enum PeriodState {
    OPEN, DRAFT, FINAL_IN_PROGRESS, FAILED_FINAL, FINAL, CORRECTED;

    /** A final or correction run was started and has not completed: later finals of the interval wait for it. */
    public boolean finalUnfinished() {
        return this == FINAL_IN_PROGRESS || this == FAILED_FINAL;
    }

    /** Billed final at least once: its issued invoices are replaced only by a correction. */
    public boolean isFinal() {
        return this == FINAL || this == CORRECTED;
    }

    public String words() {
        return switch (this) {
            case OPEN -> "open";
            case DRAFT -> "draft";
            case FINAL_IN_PROGRESS -> "final in progress";
            case FAILED_FINAL -> "failed final";
            case FINAL -> "final";
            case CORRECTED -> "corrected";
        };
    }
}
