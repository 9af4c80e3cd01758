package dev.tokenbill.usage.pipeline;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact sums per (key id, meter id), in arrays that grow with the keys a partition meets. Whole quantities add up
 * in a long (a slot that would overflow moves to BigDecimal); fractional ones (GPU seconds, say) in BigDecimal, kept
 * only for the slots that have them. No rounding anywhere, so the order of addition does not matter.
 */
final class MeterSums {

    private final int meters;
    private long[] units;
    private boolean[] used;
    private final Map<Integer, BigDecimal> decimals = new HashMap<>();

    MeterSums(int keys, int meters) {
        this.meters = meters;
        this.units = new long[keys * meters];
        this.used = new boolean[keys * meters];
    }

    /** Makes room for keys 0 to {@code keys - 1} (a partition numbers its keys as it meets them). */
    void ensureKeys(int keys) {
        if (keys * meters > units.length) {
            int size = Math.max(keys, units.length / Math.max(1, meters) * 2) * meters;
            units = java.util.Arrays.copyOf(units, size);
            used = java.util.Arrays.copyOf(used, size);
        }
    }

    /** Adds a whole quantity. */
    void add(int key, int meter, long value) {
        int slot = key * meters + meter;
        used[slot] = true;
        long sum = units[slot] + value;
        if (((units[slot] ^ sum) & (value ^ sum)) >= 0) { // no overflow (Math.addExact without the exception)
            units[slot] = sum;
        } else {
            decimals.merge(slot, BigDecimal.valueOf(value), BigDecimal::add);
        }
    }

    void add(int key, int meter, BigDecimal quantity) {
        if (quantity.scale() == 0 && quantity.precision() <= 18) {
            add(key, meter, quantity.longValue());
            return;
        }
        int slot = key * meters + meter;
        used[slot] = true;
        decimals.merge(slot, quantity, BigDecimal::add);
    }

    /** The heap the arrays take (their capacity), with about 64 bytes per fractional sum. */
    long bytes() {
        return units.length * 9L + decimals.size() * 64L;
    }

    boolean used(int key, int meter) {
        int slot = key * meters + meter;
        return slot < used.length && used[slot];
    }

    /** The exact sum of a used slot (of one with nothing added: zero). */
    BigDecimal sum(int key, int meter) {
        int slot = key * meters + meter;
        BigDecimal fraction = decimals.get(slot);
        BigDecimal sum = BigDecimal.valueOf(units[slot]);
        return fraction == null ? sum : sum.add(fraction);
    }
}
