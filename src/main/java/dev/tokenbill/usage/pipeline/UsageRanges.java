package dev.tokenbill.usage.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the usage files into ranges of about {@code rangeBytes} each, so that one big file (the generator writes a
 * million events into one) is read by several partitions. A file no larger than that is one range. A big file is
 * scanned once: a range ends after a line feed outside double quotes (a quoted cell may hold line breaks; a quote
 * inside a quoted cell is doubled, which toggles twice), and the line ends before a range's start (CR, LF or
 * CRLF, as the CSV reader counts them) number its first record.
 */
public final class UsageRanges {

    private UsageRanges() {
    }

    /** A file is cut into ranges of at least this size, unless a range limit below it is set. */
    static final long MIN_RANGE_BYTES = 1L << 20;

    /** The ranges of the files (in the order given: file-name order), each file's in byte order. */
    public static List<UsageRange> split(List<Path> files, long rangeBytes) throws IOException {
        if (rangeBytes < 1) {
            throw new IllegalArgumentException("range bytes must be positive: " + rangeBytes);
        }
        List<UsageRange> ranges = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            split(ranges, f, files.get(f), rangeBytes);
        }
        return ranges;
    }

    /**
     * Ranges of near-equal size for {@code threads} partitions at a time: each file is cut into pieces of at most
     * {@code maxRangeBytes}, into at least {@code pieces} over all files, and, where that keeps every range of a
     * cut file at {@link #MIN_RANGE_BYTES} or more, into a multiple of {@code threads}, so that the last wave of
     * partitions keeps every thread busy. The piece counts go to the files with the largest pieces first.
     */
    public static List<UsageRange> split(List<Path> files, long maxRangeBytes, int pieces, int threads)
            throws IOException {
        if (maxRangeBytes < 1 || pieces < 1 || threads < 1) {
            throw new IllegalArgumentException("range bytes, pieces and threads must be positive");
        }
        long[] sizes = new long[files.size()];
        long total = 0;
        for (int f = 0; f < sizes.length; f++) {
            sizes[f] = Files.size(files.get(f));
            total += sizes[f];
        }
        long target = Math.min(maxRangeBytes, Math.max(MIN_RANGE_BYTES, (total + pieces - 1) / pieces));
        int[] counts = new int[sizes.length];
        int count = 0;
        for (int f = 0; f < sizes.length; f++) {
            counts[f] = (int) Math.max(1, (sizes[f] + target - 1) / target);
            count += counts[f];
        }
        while (count % threads != 0) {
            int widest = -1;
            for (int f = 0; f < sizes.length; f++) {
                if (sizes[f] / (counts[f] + 1) >= MIN_RANGE_BYTES
                        && (widest < 0 || sizes[f] * counts[widest] > sizes[widest] * counts[f])) {
                    widest = f;
                }
            }
            if (widest < 0) {
                break; // the files are too small to cut further
            }
            counts[widest]++;
            count++;
        }
        List<UsageRange> ranges = new ArrayList<>();
        for (int f = 0; f < sizes.length; f++) {
            split(ranges, f, files.get(f), (sizes[f] + counts[f] - 1) / counts[f]);
        }
        return ranges;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Whether one of the eight bytes is a double quote, CR or LF (a byte equal to c is a zero byte of word ^ c*ONES,
     * and (v - ONES) & ~v & HIGHS is non-zero exactly when v has a zero byte). A usage line is about 80 bytes
     * with one LF: the scan of 7.8 GB took 12 s byte by byte.
     */
    static boolean mayEndOrQuote(long word) {
        return hasZeroByte(word ^ ('"' * ONES)) || hasZeroByte(word ^ ('\r' * ONES)) || hasZeroByte(word ^ ('\n' * ONES));
    }

    private static boolean hasZeroByte(long v) {
        return ((v - ONES) & ~v & HIGHS) != 0;
    }

    private static void split(List<UsageRange> ranges, int f, Path file, long rangeBytes) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size <= rangeBytes) {
            ranges.add(new UsageRange(f, name, 0, size, 0));
            return;
        }
        long start = 0;
        long linesBefore = 0;
        long lines = 0;
        boolean quoted = false;
        boolean cr = false;
        long offset = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (i + 8 <= n && !mayEndOrQuote((long) LONGS.get(buffer, i))) {
                        cr = false;
                        i += 7; // eight bytes with no quote, CR or LF: nothing to count
                        continue;
                    }
                    byte b = buffer[i];
                    boolean afterCr = cr;
                    cr = b == '\r';
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (cr) {
                        lines++; // a line ends at CR, LF or CRLF, as the CSV reader counts lines
                    } else if (b == '\n') {
                        lines += afterCr ? 0 : 1;
                        long end = offset + i + 1;
                        if (!quoted && end - start >= rangeBytes && end < size) {
                            ranges.add(new UsageRange(f, name, start, end, linesBefore));
                            start = end;
                            linesBefore = lines;
                        }
                    }
                }
                offset += n;
            }
        }
        ranges.add(new UsageRange(f, name, start, size, linesBefore));
    }
}
