package dev.tokenbill.report;

/** The reconciliation of one usage file: read = accepted + duplicates + rejected + out of period. */
public record FileCounts(String file, long read, long accepted, long duplicates, long rejected, long outOfPeriod) {

    public boolean balanced() {
        return read == accepted + duplicates + rejected + outOfPeriod;
    }
}
