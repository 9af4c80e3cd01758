package dev.tokenbill.usage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MeterSumsTest {

    private static BigDecimal sumOf(MeterSums sums, int key, int meter) {
        return sums.used(key, meter) ? sums.sum(key, meter) : null;
    }

    @Test
    void testUsed_OnlySlotsSomethingWasAddedTo() {
        MeterSums sums = new MeterSums(3, 2);
        sums.add(0, 1, 5);
        sums.add(2, 0, 0);
        sums.ensureKeys(10);
        // a zero added makes a slot used (a total of 0 is stored); key 1 and keys past the first 3 are untouched
        assertThat(sums.used(0, 1)).isTrue();
        assertThat(sums.used(2, 0)).isTrue();
        assertThat(sums.used(0, 0)).isFalse();
        assertThat(sums.used(1, 1)).isFalse();
        assertThat(sums.used(9, 1)).isFalse();
        assertThat(sums.used(100, 0)).isFalse();
    }

    @Test
    void testLongOverflow_MovesToAnExactDecimal() {
        MeterSums sums = new MeterSums(1, 1);
        sums.add(0, 0, BigDecimal.valueOf(Long.MAX_VALUE));
        sums.add(0, 0, BigDecimal.ONE);
        sums.add(0, 0, BigDecimal.ONE);
        // 9223372036854775807 + 1 + 1 = 9223372036854775809
        assertThat(sumOf(sums, 0, 0)).isEqualByComparingTo("9223372036854775809");
    }

    @Test
    void testWholeAndDecimalQuantities_AddExactly() {
        MeterSums sums = new MeterSums(2, 2);
        sums.add(1, 1, new BigDecimal("3600"));
        sums.add(1, 1, new BigDecimal("0.25"));
        sums.add(1, 1, new BigDecimal("7"));
        // 3600 + 0.25 + 7 = 3607.25; untouched slots are absent
        assertThat(sumOf(sums, 1, 1)).isEqualByComparingTo("3607.25");
        assertThat(sumOf(sums, 0, 0)).isNull();
    }

    static LongStream seeds() {
        return new SplittableRandom(8L).longs(200);
    }

    /** Split into any partitions and added up in any order, the sums equal one BigDecimal running total. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void testPartitionedSums_EqualOneRunningTotal(long seed) {
        Random random = new Random(seed);
        List<BigDecimal> values = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 100; i++) {
            BigDecimal v = switch (random.nextInt(4)) {
                case 0 -> BigDecimal.valueOf(Long.MAX_VALUE - random.nextInt(1000));
                case 1 -> BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(13));
                default -> BigDecimal.valueOf(random.nextInt(100_000));
            };
            values.add(v);
            expected = expected.add(v);
        }
        MeterSums total = new MeterSums(1, 1);
        int parts = 1 + random.nextInt(5);
        List<MeterSums> partials = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partials.add(new MeterSums(1, 1));
        }
        for (BigDecimal v : values) {
            partials.get(random.nextInt(parts)).add(0, 0, v);
        }
        java.util.Collections.shuffle(partials, random);
        // as UsageMerge adds up the partitions' sums of one key
        partials.stream().filter(p -> p.used(0, 0)).forEach(p -> total.add(0, 0, p.sum(0, 0)));
        assertThat(sumOf(total, 0, 0)).as("seed=%d", seed).isEqualByComparingTo(expected);
    }
}
