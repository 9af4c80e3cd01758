package dev.tokenbill.job.usage;

import dev.tokenbill.usage.pipeline.BilledEvent;
import dev.tokenbill.usage.pipeline.BilledEvents;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Billed events packed into blocks, one database row each (table billed_event_block): a row per event cost a final
 * run more than the rest of its usage step. A block is the event count (int), then per event the UTF-8 length of its
 * id (unsigned short), the id's UTF-8 bytes and its 128-bit content hash (two longs), all big-endian.
 */
final class BilledEventBlocks {

    /** Events per block at most: 4,096 ids of ~12 bytes make a block of ~120 KB. */
    static final int MAX_EVENTS = 4096;
    /** Bytes per block at most (unless its one event is larger), so reading a block back stays small for long ids. */
    static final int MAX_BYTES = 1 << 18;
    private static final int MAX_ID_BYTES = 0xFFFF;

    /** A packed block and the number of events in it. */
    record Block(int events, byte[] bytes) {
    }

    private BilledEventBlocks() {
    }

    /** Packs the events in order, into as few blocks as {@link #MAX_EVENTS} and {@link #MAX_BYTES} allow; none for none. */
    static List<Block> pack(List<BilledEvent> events) {
        List<Block> blocks = new ArrayList<>();
        ByteBuffer block = ByteBuffer.allocate(MAX_BYTES + 2 + MAX_ID_BYTES + 16);
        int count = 0;
        block.putInt(0);
        for (BilledEvent event : events) {
            byte[] id = utf8(event.eventId());
            int entry = 2 + id.length + 16;
            if (count == MAX_EVENTS || count > 0 && block.position() + entry > MAX_BYTES) {
                blocks.add(finish(block, count));
                count = 0;
                block.clear().putInt(0);
            }
            block.putShort((short) id.length).put(id).putLong(event.contentHigh()).putLong(event.contentLow());
            count++;
        }
        if (count > 0) {
            blocks.add(finish(block, count));
        }
        return blocks;
    }

    private static Block finish(ByteBuffer block, int count) {
        block.putInt(0, count);
        return new Block(count, Arrays.copyOf(block.array(), block.position()));
    }

    /** Event ids come from strictly decoded UTF-8, so the round trip is exact; anything else is refused, not altered. */
    private static byte[] utf8(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != id.length() && !new String(bytes, StandardCharsets.UTF_8).equals(id)) {
            throw new IllegalArgumentException("event id is not well-formed Unicode (a bug): " + id);
        }
        if (bytes.length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("event id longer than " + MAX_ID_BYTES + " UTF-8 bytes (a bug): " + id);
        }
        return bytes;
    }

    /**
     * Hands the block's events to the consumer in the order they were packed.
     *
     * @param where names the block in the error when it is damaged (a short or overlong block, or a bad count)
     * @return the number of events handed over
     */
    static int unpack(byte[] bytes, String where, BilledEvents.Consumer consumer) throws IOException {
        ByteBuffer block = ByteBuffer.wrap(bytes);
        int count;
        try {
            count = block.getInt();
            if (count < 1 || count > MAX_EVENTS) {
                throw new IllegalStateException(where + " is damaged: it says it holds " + count + " events");
            }
            for (int i = 0; i < count; i++) {
                byte[] id = new byte[block.getShort() & 0xFFFF];
                block.get(id);
                long high = block.getLong();
                long low = block.getLong();
                consumer.accept(new String(id, StandardCharsets.UTF_8), high, low);
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalStateException(where + " is damaged: it ends inside an event", e);
        }
        if (block.hasRemaining()) {
            throw new IllegalStateException(where + " is damaged: " + block.remaining() + " bytes after its last event");
        }
        return count;
    }
}
