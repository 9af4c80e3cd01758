package dev.tokenbill.usage.pipeline;

/**
 * A part of one usage file that is read on its own: bytes [{@code from}, {@code to}) of the file with index
 * {@code file} (file-name order), whose first record is on the line after {@code linesBefore}. A whole file is one
 * range from 0 to its size; a big file is cut at record boundaries (see {@link UsageRanges}).
 */
public record UsageRange(int file, String fileName, long from, long to, long linesBefore) {

    public long bytes() {
        return to - from;
    }

    @Override
    public String toString() {
        return fileName + " bytes " + from + "-" + to;
    }
}
