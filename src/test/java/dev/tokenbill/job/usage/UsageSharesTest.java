package dev.tokenbill.job.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsageSharesTest {

    @Test
    void testShares_EqualBuckets_RoundRobinInAscendingOrder() {
        // given 6 buckets of equal weight and 2 partitions
        // when
        List<List<Integer>> shares = UsageSteps.shares(new long[] {1, 1, 1, 1, 1, 1}, 2);

        // then heaviest-first with ties by index: 0->p0, 1->p1, 2->p0, 3->p1, 4->p0, 5->p1
        assertThat(shares).containsExactly(List.of(0, 2, 4), List.of(1, 3, 5));
    }

    @Test
    void testShares_UnequalRanges_HeaviestFirstToTheLightestPartition() {
        // given ranges of 16, 16, 16, 16 and 12 MB on 2 partitions
        // when
        List<List<Integer>> shares = UsageSteps.shares(new long[] {16, 16, 16, 16, 12}, 2);

        // then 0 (16) -> p0; 1 (16) -> p1; 2 (16) -> p0 (32); 3 (16) -> p1 (32); 4 (12) -> p0 (44 against 32)
        assertThat(shares).containsExactly(List.of(0, 2, 4), List.of(1, 3));
    }

    @Test
    void testShares_FewerItemsThanPartitions_OnePartitionPerItem() {
        // when
        List<List<Integer>> one = UsageSteps.shares(new long[] {5}, 8);
        List<List<Integer>> none = UsageSteps.shares(new long[0], 8);

        // then a single range makes one partition, no range none (a step with zero partitions completes)
        assertThat(one).containsExactly(List.of(0));
        assertThat(none).isEmpty();
    }

    @Test
    void testShares_BigFirstItem_OthersBalanceAroundIt() {
        // given one 30 MB range and six of 5 MB on 2 partitions
        // when
        List<List<Integer>> shares = UsageSteps.shares(new long[] {5, 5, 30, 5, 5, 5, 5}, 2);

        // then 2 (30) -> p0; the six 5 MB ranges all go to p1 (30 MB): 30 against 30
        assertThat(shares).containsExactly(List.of(2), List.of(0, 1, 3, 4, 5, 6));
    }
}
