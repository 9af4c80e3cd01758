package dev.tokenbill.usage.pipeline;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Requests per (customer, day), shared by the pass-2 threads. A counter never exceeds the rows of
 * the run, so runs of fewer than 2^31 rows count in ints (4 bytes a customer-day: 12 MB for 100,000
 * customers over 31 days) and only larger ones in longs.
 */
final class DayCounts {

    private final AtomicIntegerArray ints;
    private final AtomicLongArray longs;

    DayCounts(int size, long rows) {
        this.ints = rows <= Integer.MAX_VALUE ? new AtomicIntegerArray(size) : null;
        this.longs = ints == null ? new AtomicLongArray(size) : null;
    }

    void increment(int index) {
        if (ints != null) {
            ints.incrementAndGet(index);
        } else {
            longs.incrementAndGet(index);
        }
    }

    long get(int index) {
        return ints != null ? ints.get(index) : longs.get(index);
    }
}
