package dev.tokenbill.usage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionCountTest {

    @ParameterizedTest(name = "{0} wanted, {1} threads, {2} descriptors free: {3}")
    @CsvSource({
            // plenty of descriptors: what the partition size asks for
            "500, 2, 20000, 500",
            // ulimit -n 1024 with ~60 open: (964 - 128 reserve - 2 readers) / 2 workers - 1 rejects file = 416
            "500, 2, 964, 416",
            // 4 workers: (964 - 128 - 4) / 4 - 1 = 207
            "500, 4, 964, 207",
            // almost nothing free: still one partition
            "500, 2, 100, 1",
            "3, 2, 964, 3"})
    void testPartitions_StayWithinTheOpenFileLimit(int wanted, int threads, long free, int expected) {
        assertThat(UsagePipeline.partitions(wanted, threads, free)).isEqualTo(expected);
    }
}
