package dev.tokenbill.usage.pipeline;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one partition's valid-row records back from every worker's spill file (see {@link SpillWriter}). */
final class SpillReader {

    /** One record; the reader reuses one instance, so a consumer copies what it keeps. */
    static final class Record {
        String eventId;
        int file;
        long line;
        long high;
        long low;
        int key;
        int meterCount;
        int[] meters = new int[8];
        BigDecimal[] quantities = new BigDecimal[8];

        long position() {
            return UsagePipeline.position(file, line);
        }
    }

    interface Consumer {
        void accept(Record record);
    }

    private SpillReader() {
    }

    static void forEach(Path dir, int workers, int partition, UsageKeys keys, Consumer consumer) throws IOException {
        Record r = new Record();
        for (int w = 0; w < workers; w++) {
            Path file = SpillWriter.partitionFile(dir, w, partition);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                while (true) {
                    try {
                        r.eventId = in.readUTF();
                    } catch (EOFException end) {
                        break;
                    }
                    r.file = in.readInt();
                    r.line = in.readLong();
                    r.high = in.readLong();
                    r.low = in.readLong();
                    r.key = in.readInt();
                    r.meterCount = 0;
                    if (r.key >= 0) {
                        r.meterCount = in.readUnsignedShort();
                        if (r.meterCount > r.meters.length) {
                            r.meters = new int[r.meterCount];
                            r.quantities = new BigDecimal[r.meterCount];
                        }
                        for (int m = 0; m < r.meterCount; m++) {
                            r.meters[m] = in.readUnsignedShort();
                            int scale = in.readByte();
                            r.quantities[m] = scale >= 0 ? BigDecimal.valueOf(in.readLong(), scale)
                                    : new BigDecimal(in.readUTF());
                        }
                    }
                    consumer.accept(r);
                }
            }
        }
    }
}
