package dev.tokenbill.report;

/**
 * The reconciliation of one usage file: read = accepted + duplicates + rejected + out of period + late (late usage:
 * rows of a period already billed final that its final run did not bill, rejected and listed in rejects.csv).
 */
public record FileCounts(String file, long read, long accepted, long duplicates, long rejected, long outOfPeriod,
        long late) {

    /** Counts without late usage. */
    public FileCounts(String file, long read, long accepted, long duplicates, long rejected, long outOfPeriod) {
        this(file, read, accepted, duplicates, rejected, outOfPeriod, 0);
    }

    public boolean balanced() {
        return read == accepted + duplicates + rejected + outOfPeriod + late;
    }
}
