package dev.tokenbill.usage.pipeline;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Pass 2's table of event ids: for each id of a partition, its first occurrence so far (position
 * and content hash). Open addressing over plain arrays, ids kept as their spill encoding in one
 * byte arena: about 35 bytes per id plus the id itself, no object per id (a HashMap of Strings
 * costs some 150), so a partition's ids fit in a small heap and the garbage collector has little
 * to trace.
 */
final class FirstOccurrences {

    private final int capacity;
    private final int[] offsets; // arena offset of the id's encoding, -1 = empty slot
    private final int[] hashes;
    private final long[] positions;
    private final long[] highs;
    private final long[] lows;
    private byte[] arena;
    private int used;
    private int size;

    FirstOccurrences(long expected) {
        capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, expected * 4 / 3 + 1));
        offsets = new int[capacity];
        Arrays.fill(offsets, -1);
        hashes = new int[capacity];
        positions = new long[capacity];
        highs = new long[capacity];
        lows = new long[capacity];
        arena = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, expected * 24))];
    }

    /** Hash of an encoded id: {@code length} bytes at absolute index {@code start} of the buffer. */
    static int hash(ByteBuffer buffer, int start, int length) {
        int h = 0;
        for (int i = start; i < start + length; i++) {
            h = 31 * h + buffer.get(i);
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The slot holding this encoded id, or a negative number ({@code -slot - 1}) where it would go. */
    int find(ByteBuffer buffer, int start, int length, int hash) {
        int slot = (hash & 0x7FFFFFFF) % capacity;
        while (offsets[slot] >= 0) {
            if (hashes[slot] == hash && sameBytes(offsets[slot], buffer, start, length)) {
                return slot;
            }
            slot = slot + 1 == capacity ? 0 : slot + 1;
        }
        return -slot - 1;
    }

    void insert(int emptySlot, ByteBuffer buffer, int start, int length, int hash, long position, long high, long low) {
        if (size + 1 >= capacity) {
            throw new IllegalStateException("more event ids than the partition's record count (a bug)");
        }
        if (used + length > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(used + length, arena.length * 3L / 2)));
        }
        buffer.get(start, arena, used, length);
        offsets[emptySlot] = used;
        used += length;
        hashes[emptySlot] = hash;
        set(emptySlot, position, high, low);
        size++;
    }

    void set(int slot, long position, long high, long low) {
        positions[slot] = position;
        highs[slot] = high;
        lows[slot] = low;
    }

    long position(int slot) {
        return positions[slot];
    }

    long high(int slot) {
        return highs[slot];
    }

    long low(int slot) {
        return lows[slot];
    }

    /** The event id of a slot, decoded from its spill encoding (see {@link SpillChannel}). */
    String eventId(int slot) {
        int at = offsets[slot];
        int header = ((arena[at] & 0xFF) << 8) | (arena[at + 1] & 0xFF);
        int n = header & 0x7FFF;
        if ((header & 0x8000) == 0) {
            return new String(arena, at + 2, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) (((arena[at + 2 + 2 * i] & 0xFF) << 8) | (arena[at + 3 + 2 * i] & 0xFF));
        }
        return new String(chars);
    }

    private boolean sameBytes(int at, ByteBuffer buffer, int start, int length) {
        if (at + length > used) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (arena[at + i] != buffer.get(start + i)) {
                return false;
            }
        }
        return true;
    }
}
