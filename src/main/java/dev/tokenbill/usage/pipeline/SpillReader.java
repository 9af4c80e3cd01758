package dev.tokenbill.usage.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads one partition's valid-row records back from every worker's spill file (see
 * {@link SpillWriter}): either the identities (encoded event id, position, content hash; payloads
 * skipped) or the payloads (position, key, day and meters; event ids and hashes skipped).
 */
final class SpillReader {

    /** One record; the reader reuses one instance, so a consumer copies what it keeps. */
    static final class Record {
        /** The event id, when read {@code withIds}; else null. */
        String eventId;
        long position;
        long high;
        long low;
        int key;
        /**
         * The aggregation key of an accepted row ({@code key} {@link SpillWriter#ACCEPTED}): the subscription's number
         * ({@link SubscriptionIndex}) and the range's number of the model.
         */
        int subscription;
        int model;
        dev.tokenbill.catalog.PriceCondition condition;
        /** Days since the period's first day (accepted rows), or the epoch day (late rows). */
        int day;
        int meterCount;
        int[] meters = new int[8];
        /** Quantity as unscaled value and scale; scale -1: the quantity is in {@code decimals}. */
        long[] units = new long[8];
        int[] scales = new int[8];
        BigDecimal[] decimals = new BigDecimal[8];
    }

    interface Consumer {
        void accept(Record record);
    }

    private SpillReader() {
    }

    /** A record's identity as read: its event id's encoding lies at [idStart, idStart + idLength) of the buffer. */
    interface IdentityConsumer {
        void accept(ByteBuffer buffer, int idStart, int idLength, long position, long high, long low);
    }

    /** Event id (still encoded, in the read buffer), position and content hash of every record of the partition. */
    static void identities(Path dir, long[][] counts, int partition, IdentityConsumer consumer) throws IOException {
        for (int w = 0; w < counts.length; w++) {
            identities(dir, w, counts[w][partition], partition, consumer);
        }
    }

    /** The identities of the {@code count} records of one spill file (one writer's, of one partition). */
    static void identities(Path dir, int worker, long count, int partition, IdentityConsumer consumer)
            throws IOException {
        try (SpillChannel.Input in = new SpillChannel.Input(SpillWriter.partitionFile(dir, worker, partition))) {
            for (long n = count; n > 0; n--) {
                ByteBuffer b = in.need(2);
                int header = b.getShort(b.position()) & 0xFFFF;
                int idLength = 2 + ((header & 0x8000) == 0 ? header : 2 * (header & 0x7FFF));
                b = in.need(idLength + 26);
                int idStart = b.position();
                b.position(idStart + idLength);
                long position = b.getLong();
                long high = b.getLong();
                long low = b.getLong();
                int payload = b.getShort() & 0xFFFF;
                consumer.accept(b, idStart, idLength, position, high, low);
                b = in.need(payload);
                b.position(b.position() + payload);
            }
        }
    }

    /** Position, content hash, key and meter quantities (and the event id if {@code withIds}) of every record of the partition. */
    static void payloads(Path dir, long[][] counts, int partition, boolean withIds, Consumer consumer) throws IOException {
        Record r = new Record();
        for (int w = 0; w < counts.length; w++) {
            payloads(dir, w, counts[w][partition], partition, withIds, r, consumer);
        }
    }

    /** As above, for the {@code count} records of one writer's spill file of the partition. */
    static void payloads(Path dir, int w, long count, int partition, boolean withIds, Record r, Consumer consumer)
            throws IOException {
        {
            try (SpillChannel.Input in = new SpillChannel.Input(SpillWriter.partitionFile(dir, w, partition))) {
                for (long n = count; n > 0; n--) {
                    if (withIds) {
                        r.eventId = in.string();
                    } else {
                        in.skipString();
                    }
                    ByteBuffer b = in.need(26);
                    r.position = b.getLong();
                    r.high = b.getLong();
                    r.low = b.getLong();
                    int length = b.getShort() & 0xFFFF;
                    b = in.need(length);
                    r.key = b.getInt();
                    r.meterCount = 0;
                    if (r.key == SpillWriter.LATE) {
                        r.day = b.getInt();
                    } else if (r.key >= 0) {
                        r.subscription = b.getInt();
                        r.model = b.getShort() & 0xFFFF;
                        int band = b.get();
                        boolean offPeak = b.get() != 0;
                        int priceDate = b.getInt();
                        r.condition = condition(band, offPeak, priceDate);
                        r.day = b.getShort();
                        r.meterCount = b.getShort() & 0xFFFF;
                        if (r.meterCount > r.meters.length) {
                            r.meters = new int[r.meterCount];
                            r.units = new long[r.meterCount];
                            r.scales = new int[r.meterCount];
                            r.decimals = new BigDecimal[r.meterCount];
                        }
                        for (int m = 0; m < r.meterCount; m++) {
                            r.meters[m] = b.getShort() & 0xFFFF;
                            r.scales[m] = b.get();
                            if (r.scales[m] >= 0) {
                                r.units[m] = b.getLong();
                            } else {
                                r.decimals[m] = new BigDecimal(in.string());
                            }
                        }
                    }
                    consumer.accept(r);
                }
            }
        }
    }

    private static dev.tokenbill.catalog.PriceCondition condition(int band, boolean offPeak, int priceDate) {
        if (priceDate == Integer.MIN_VALUE) {
            return offPeak ? dev.tokenbill.catalog.PriceCondition.OFF_PEAK : dev.tokenbill.catalog.PriceCondition.band(band);
        }
        return new dev.tokenbill.catalog.PriceCondition(band, offPeak, java.time.LocalDate.ofEpochDay(priceDate));
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
