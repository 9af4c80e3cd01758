package dev.tokenbill.usage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DayCountsTest {

    @ParameterizedTest(name = "a run of {0} rows")
    @ValueSource(longs = {10, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L})
    void testCounts_FromTwoThreads_AddUp(long rows) throws Exception {
        DayCounts counts = new DayCounts(4, rows);
        Runnable work = () -> {
            for (int i = 0; i < 10_000; i++) {
                counts.increment(i % 2 == 0 ? 1 : 3);
            }
        };
        Thread other = new Thread(work);
        other.start();
        work.run();
        other.join();
        // two threads x 10,000 increments, split evenly over cells 1 and 3
        assertThat(new long[] {counts.get(0), counts.get(1), counts.get(2), counts.get(3)})
                .containsExactly(0, 10_000, 0, 10_000);
    }
}
