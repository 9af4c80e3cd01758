package dev.tokenbill.usage.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the usage files into ranges of about {@code rangeBytes} each, so that one big file (the generator writes a
 * million events into one) is read by several partitions. A file no larger than that is one range. A big file is
 * scanned once: a range ends after a line feed outside double quotes (a quoted cell may hold line breaks; a quote
 * inside a quoted cell is doubled, which toggles twice), and the line feeds before a range's start number its
 * first record.
 */
public final class UsageRanges {

    private UsageRanges() {
    }

    /** The ranges of the files (in the order given: file-name order), each file's in byte order. */
    public static List<UsageRange> split(List<Path> files, long rangeBytes) throws IOException {
        if (rangeBytes < 1) {
            throw new IllegalArgumentException("range bytes must be positive: " + rangeBytes);
        }
        List<UsageRange> ranges = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            String name = file.getFileName().toString();
            long size = Files.size(file);
            if (size <= rangeBytes) {
                ranges.add(new UsageRange(f, name, 0, size, 0));
                continue;
            }
            long start = 0;
            long linesBefore = 0;
            long lines = 0;
            boolean quoted = false;
            long offset = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '"') {
                            quoted = !quoted;
                        } else if (b == '\n') {
                            lines++;
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
        return ranges;
    }
}
