package dev.tokenbill.usage.pipeline;

import dev.tokenbill.usage.ClassifiedRow;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One pass-1 worker's spill files: one per de-duplication partition for valid rows, and one for
 * rejects. Records are written with {@link DataOutputStream}; {@link SpillReader} reads them back.
 *
 * <p>Valid row: event id (UTF), file index (int), line (long), content hash (two longs), key id
 * (int, -1 = out of period), then for an accepted row the meter count (short) and per meter its id
 * (short) and quantity (scale byte and unscaled long, or scale -1 and the decimal's text).
 * Reject: file index, line, event id, reason, raw record (cut to {@link UsagePipeline#MAX_RAW}).
 */
final class SpillWriter implements Closeable {

    private static final int BUFFER = 1 << 15;

    private final DataOutputStream[] partitions;
    private final DataOutputStream rejects;

    SpillWriter(Path dir, int worker, int partitionCount) throws IOException {
        partitions = new DataOutputStream[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            partitions[p] = open(partitionFile(dir, worker, p));
        }
        rejects = open(rejectFile(dir, worker));
    }

    static Path partitionFile(Path dir, int worker, int partition) {
        return dir.resolve("w" + worker + "-p" + partition + ".bin");
    }

    static Path rejectFile(Path dir, int worker) {
        return dir.resolve("w" + worker + "-rejects.bin");
    }

    /** The partition of an event id: a fixed function of its text (String.hashCode is specified). */
    static int partition(String eventId, int partitionCount) {
        int h = eventId.hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return Math.floorMod(h, partitionCount);
    }

    void valid(int file, ClassifiedRow row, int key, UsageKeys keys) throws IOException {
        DataOutputStream out = partitions[partition(row.eventId(), partitions.length)];
        out.writeUTF(row.eventId());
        out.writeInt(file);
        out.writeLong(row.line());
        out.writeLong(row.contentHash().high());
        out.writeLong(row.contentHash().low());
        out.writeInt(key);
        if (key < 0) {
            return;
        }
        out.writeShort(row.meters().size());
        for (Map.Entry<String, BigDecimal> meter : row.meters().entrySet()) {
            out.writeShort(keys.meter(meter.getKey()));
            BigDecimal q = meter.getValue();
            if (q.scale() >= 0 && q.scale() <= Byte.MAX_VALUE && q.precision() <= 18) {
                out.writeByte(q.scale());
                out.writeLong(q.unscaledValue().longValue());
            } else {
                out.writeByte(-1);
                out.writeUTF(q.toString());
            }
        }
    }

    void reject(int file, ClassifiedRow row) throws IOException {
        rejects.writeInt(file);
        rejects.writeLong(row.line());
        rejects.writeUTF(cut(row.eventId(), 256));
        rejects.writeUTF(cut(row.reason(), 1000));
        rejects.writeUTF(cut(row.raw(), UsagePipeline.MAX_RAW));
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public void close() throws IOException {
        for (DataOutputStream out : partitions) {
            out.close();
        }
        rejects.close();
    }

    private static DataOutputStream open(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }
}
