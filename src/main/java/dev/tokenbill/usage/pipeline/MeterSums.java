package dev.tokenbill.usage.pipeline;

import java.math.BigDecimal;

/**
 * Exact sums per (key id, meter id), in arrays sized by the numbers of keys and meters pass 1
 * met. Whole quantities add up in a long (overflow moves the slot to BigDecimal); others in
 * BigDecimal. No rounding anywhere, so the order of addition does not matter.
 */
final class MeterSums {

    private final int meters;
    private final long[] units;
    private final boolean[] used;
    private BigDecimal[] decimals;

    MeterSums(int keys, int meters) {
        this.meters = meters;
        this.units = new long[keys * meters];
        this.used = new boolean[keys * meters];
    }

    void add(int key, int meter, BigDecimal quantity) {
        int slot = key * meters + meter;
        used[slot] = true;
        if (quantity.scale() == 0 && quantity.precision() <= 18 && (decimals == null || decimals[slot] == null)) {
            long value = quantity.longValue();
            long sum = units[slot] + value;
            if (((units[slot] ^ sum) & (value ^ sum)) >= 0) { // no overflow (Math.addExact without the exception)
                units[slot] = sum;
                return;
            }
        }
        if (decimals == null) {
            decimals = new BigDecimal[units.length];
        }
        BigDecimal current = decimals[slot] != null ? decimals[slot] : BigDecimal.valueOf(units[slot]);
        decimals[slot] = current.add(quantity);
        units[slot] = 0;
    }

    void addAll(MeterSums other) {
        for (int slot = 0; slot < units.length; slot++) {
            if (other.used[slot]) {
                add(slot / meters, slot % meters, other.sum(slot));
            }
        }
    }

    interface SlotConsumer {
        void accept(int key, int meter, BigDecimal sum);
    }

    void forEach(SlotConsumer consumer) {
        for (int slot = 0; slot < units.length; slot++) {
            if (used[slot]) {
                consumer.accept(slot / meters, slot % meters, sum(slot));
            }
        }
    }

    private BigDecimal sum(int slot) {
        return decimals != null && decimals[slot] != null ? decimals[slot] : BigDecimal.valueOf(units[slot]);
    }
}
