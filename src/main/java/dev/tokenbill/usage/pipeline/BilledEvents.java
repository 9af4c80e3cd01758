package dev.tokenbill.usage.pipeline;

import java.io.IOException;

/**
 * The events that final runs billed, by period: what a later run compares the rows of a final period with, so that
 * an event already billed is a duplicate (or a conflict) and only a new one is late usage.
 */
public interface BilledEvents {

    /** No period is final (or nothing to compare with). */
    BilledEvents NONE = (period, consumer) -> { };

    /** Hands every event that the final run of {@code period} billed to the consumer, one at a time. */
    void forEach(String period, Consumer consumer) throws IOException;

    /** One billed event: its id and the 128-bit hash of its content (see {@link dev.tokenbill.usage.ContentHash}). */
    interface Consumer {
        void accept(String eventId, long contentHigh, long contentLow) throws IOException;
    }
}
