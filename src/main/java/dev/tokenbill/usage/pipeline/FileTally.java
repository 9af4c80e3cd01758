package dev.tokenbill.usage.pipeline;

/** What became of one usage file's rows: read = accepted + duplicates + rejected + outOfPeriod + late. */
public record FileTally(String file, long read, long accepted, long duplicates, long rejected, long outOfPeriod,
        long late) {

    /** A tally without late usage. */
    public FileTally(String file, long read, long accepted, long duplicates, long rejected, long outOfPeriod) {
        this(file, read, accepted, duplicates, rejected, outOfPeriod, 0);
    }

    public boolean addsUp() {
        return read == accepted + duplicates + rejected + outOfPeriod + late;
    }
}
