package dev.tokenbill.usage.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads one partition's valid-row records back from every worker's spill file (see
 * {@link SpillWriter}): either the identities (event id, position, content hash; payloads skipped)
 * or the payloads (position, key and meters; event ids and hashes skipped).
 */
final class SpillReader {

    /** One record; the reader reuses one instance, so a consumer copies what it keeps. */
    static final class Record {
        String eventId;
        long position;
        long high;
        long low;
        int key;
        int meterCount;
        int[] meters = new int[8];
        BigDecimal[] quantities = new BigDecimal[8];
    }

    interface Consumer {
        void accept(Record record);
    }

    private SpillReader() {
    }

    /** Event id, position and content hash of every record of the partition. */
    static void identities(Path dir, long[][] counts, int partition, Consumer consumer) throws IOException {
        Record r = new Record();
        for (int w = 0; w < counts.length; w++) {
            try (SpillChannel.Input in = new SpillChannel.Input(SpillWriter.partitionFile(dir, w, partition))) {
                for (long n = counts[w][partition]; n > 0; n--) {
                    r.eventId = in.string();
                    ByteBuffer b = in.need(26);
                    r.position = b.getLong();
                    r.high = b.getLong();
                    r.low = b.getLong();
                    int payload = b.getShort() & 0xFFFF;
                    b = in.need(payload);
                    b.position(b.position() + payload);
                    consumer.accept(r);
                }
            }
        }
    }

    /** Position, key and meter quantities of every record of the partition. */
    static void payloads(Path dir, long[][] counts, int partition, Consumer consumer) throws IOException {
        Record r = new Record();
        for (int w = 0; w < counts.length; w++) {
            try (SpillChannel.Input in = new SpillChannel.Input(SpillWriter.partitionFile(dir, w, partition))) {
                for (long n = counts[w][partition]; n > 0; n--) {
                    in.skipString();
                    ByteBuffer b = in.need(26);
                    r.position = b.getLong();
                    b.position(b.position() + 16);
                    int length = b.getShort() & 0xFFFF;
                    b = in.need(length);
                    r.key = b.getInt();
                    r.meterCount = 0;
                    if (r.key >= 0) {
                        r.meterCount = b.getShort() & 0xFFFF;
                        if (r.meterCount > r.meters.length) {
                            r.meters = new int[r.meterCount];
                            r.quantities = new BigDecimal[r.meterCount];
                        }
                        for (int m = 0; m < r.meterCount; m++) {
                            r.meters[m] = b.getShort() & 0xFFFF;
                            int scale = b.get();
                            r.quantities[m] = scale >= 0 ? BigDecimal.valueOf(b.getLong(), scale) : new BigDecimal(in.string());
                        }
                    }
                    consumer.accept(r);
                }
            }
        }
    }

    /** The rejects one worker spilled, in the order written. */
    static void rejects(Path dir, int worker, long count, java.util.List<String> names,
            java.util.function.Consumer<UsageReject> consumer) throws IOException {
        try (SpillChannel.Input in = new SpillChannel.Input(SpillWriter.rejectFile(dir, worker))) {
            for (long n = count; n > 0; n--) {
                ByteBuffer b = in.need(12);
                int file = b.getInt();
                long line = b.getLong();
                consumer.accept(new UsageReject(names.get(file), line, in.string(), in.string(), in.string()));
            }
        }
    }
}
