package dev.tokenbill.usage.pipeline;

/** What became of one usage file's rows: read = accepted + duplicates + rejected + outOfPeriod. */
public record FileTally(String file, long read, long accepted, long duplicates, long rejected, long outOfPeriod) {

    public boolean addsUp() {
        return read == accepted + duplicates + rejected + outOfPeriod;
    }
}
