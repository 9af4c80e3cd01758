package dev.tokenbill.job.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class LocalPartitionsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void aThreadPerCoreOrMoreOccupiesEveryCore() {
        assertThat(new LocalPartitions(null, CORES, 4).occupiesEveryCore()).isTrue();
        assertThat(new LocalPartitions(null, CORES + 1, 4).occupiesEveryCore()).isTrue();
    }

    @Test
    void fewerThreadsThanCoresLeaveOneFree() {
        assumeTrue(CORES > 1, "needs a machine with more than one core");
        assertThat(new LocalPartitions(null, CORES - 1, 4).occupiesEveryCore()).isFalse();
    }
}
