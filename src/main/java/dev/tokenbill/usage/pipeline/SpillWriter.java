package dev.tokenbill.usage.pipeline;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.usage.ClassifiedRow;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * One pass-1 worker's spill files: one per de-duplication partition for valid rows, and one for
 * rejects. {@link SpillReader} reads them back; strings are written by {@link SpillChannel}.
 *
 * <p>Valid row: event id, position (long: file index and line), content hash (two longs), then
 * the payload's length (short) and the payload: key (int: {@link #ACCEPTED}, {@link #OUT_OF_PERIOD}, {@link #LATE}
 * with the row's epoch day (int) after it, or {@link #BILLED} for an event a final run billed), and for an
 * accepted row its aggregation key (subscription number int, the range's model number short, price condition: band
 * and off-peak bytes, price date as epoch day int), its day (short, days since the period's first), the meter count (short) and per
 * meter its id (short) and quantity (scale byte and unscaled long, or scale -1 and the decimal's
 * text). The length lets a reader skip the payload.
 * Reject: file index (int), line (long), event id, reason, raw record (cut to {@link UsagePipeline#MAX_RAW}).
 */
final class SpillWriter implements Closeable {

    /** Payload key of an accepted row. */
    static final int ACCEPTED = 0;
    /** Payload keys of rows that are not summed. */
    static final int OUT_OF_PERIOD = -1;
    static final int LATE = -2;
    static final int BILLED = -3;
    private static final int BUFFER = 1 << 15;

    private final SpillChannel.Output[] partitions;
    private final long[] counts;
    private final SpillChannel.Output rejects;
    private long rejectCount;
    private ByteBuffer record = ByteBuffer.allocate(1 << 12);
    private ByteBuffer payload = ByteBuffer.allocate(1 << 12);

    SpillWriter(Path dir, int worker, int partitionCount) throws IOException {
        partitions = new SpillChannel.Output[partitionCount];
        counts = new long[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            partitions[p] = new SpillChannel.Output(partitionFile(dir, worker, p), BUFFER);
        }
        rejects = new SpillChannel.Output(rejectFile(dir, worker), BUFFER);
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

    /** {@code day}: the row's day as days since the period's first day, for accepted rows ({@code key} >= 0). */
    void valid(int file, ClassifiedRow row, int key, int day, Map<String, Integer> keys) throws IOException {
        valid(file, row, key, day, keys, -1, -1);
    }

    /**
     * As above; an accepted row's key is written as {@code subscription}, its number in the run's
     * {@link SubscriptionIndex}, and {@code model}, the range's number of its model (the range's meta lists them).
     */
    void valid(int file, ClassifiedRow row, int key, int day, Map<String, Integer> keys, int subscription, int model)
            throws IOException {
        if (key >= 0 && (subscription < 0 || model < 0)) {
            throw new IllegalArgumentException("an accepted row needs its subscription and model numbers");
        }
        int partition = partition(row.eventId(), partitions.length);
        counts[partition]++;
        payload.clear();
        payload.putInt(key);
        if (key == LATE) {
            payload.putInt(day);
        } else if (key >= 0) {
            int meters = row.meters().size();
            int size = 20 + meters * 140 + 6;
            if (payload.capacity() < size) {
                payload = ByteBuffer.allocate(size * 2);
                payload.putInt(key);
            }
            // numbers another process can read: every process numbers the subscriptions alike, and the range's
            // meta lists its models
            payload.putInt(subscription).putShort((short) model);
            PriceCondition condition = row.condition();
            payload.put((byte) condition.band()).put((byte) (condition.offPeak() ? 1 : 0))
                    .putInt(condition.priceDate() == null ? Integer.MIN_VALUE : (int) condition.priceDate().toEpochDay());
            payload.putShort((short) day);
            payload.putShort((short) meters);
            for (Map.Entry<String, BigDecimal> meter : row.meters().entrySet()) {
                payload.putShort((short) (int) keys.computeIfAbsent(meter.getKey(), m -> keys.size()));
                BigDecimal q = meter.getValue();
                if (q.scale() == 0 && q.precision() <= 18) {
                    payload.put((byte) 0).putLong(q.longValue());
                } else if (q.scale() > 0 && q.scale() <= Byte.MAX_VALUE && q.precision() <= 18) {
                    payload.put((byte) q.scale()).putLong(q.unscaledValue().longValue());
                } else {
                    // at most 26 integer digits and 12 decimals (the classifier's limits): under 64 chars
                    payload.put((byte) -1);
                    SpillChannel.putString(payload, q.toString());
                }
            }
        }
        payload.flip();
        write(partition, row.eventId(), UsagePipeline.position(file, row.line()), row.contentHash().high(),
                row.contentHash().low());
    }

    /** An event a final run billed, at a position before every row of the run's files. */
    void billed(String eventId, long position, long high, long low) throws IOException {
        int partition = partition(eventId, partitions.length);
        counts[partition]++;
        payload.clear();
        payload.putInt(BILLED);
        payload.flip();
        write(partition, eventId, position, high, low);
    }

    private void write(int partition, String eventId, long position, long high, long low) throws IOException {
        int size = SpillChannel.stringBytes(eventId) + 24 + 2 + payload.remaining();
        if (record.capacity() < size) {
            record = ByteBuffer.allocate(size * 2);
        }
        record.clear();
        SpillChannel.putString(record, eventId);
        record.putLong(position);
        record.putLong(high);
        record.putLong(low);
        record.putShort((short) payload.remaining());
        record.put(payload);
        partitions[partition].write(record.flip());
    }

    void reject(int file, ClassifiedRow row) throws IOException {
        rejectCount++;
        String eventId = cut(row.eventId(), 256);
        String reason = cut(row.reason(), 1000);
        String raw = cut(row.raw(), UsagePipeline.MAX_RAW);
        int size = 12 + SpillChannel.stringBytes(eventId) + SpillChannel.stringBytes(reason) + SpillChannel.stringBytes(raw);
        if (record.capacity() < size) {
            record = ByteBuffer.allocate(size * 2);
        }
        record.clear();
        record.putInt(file).putLong(row.line());
        SpillChannel.putString(record, eventId);
        SpillChannel.putString(record, reason);
        SpillChannel.putString(record, raw);
        rejects.write(record.flip());
    }

    /** Valid-row records written per partition, so the reader knows where each file ends. */
    long[] counts() {
        return counts.clone();
    }

    long rejects() {
        return rejectCount;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public void close() throws IOException {
        for (SpillChannel.Output out : partitions) {
            out.close();
        }
        rejects.close();
    }
}
