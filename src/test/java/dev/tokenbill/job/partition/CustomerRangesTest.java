package dev.tokenbill.job.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.testsupport.MigratedH2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** How the customers of a run are cut into partitions: contiguous ranges in customer-id order, of about equal count. */
class CustomerRangesTest {

    private static final long RUN = 3;

    private final JdbcTemplate jdbc = MigratedH2.create("ranges");

    private void customers(String... ids) {
        for (String id : ids) {
            jdbc.update("insert into customer (run_id, customer_id, name, email, address, country, currency, tax_exempt)"
                    + " values (?, ?, ?, '', '', 'US', 'USD', false)", RUN, id, "Customer " + id);
        }
        // another run's customer, never in this run's ranges
        jdbc.update("insert into customer (run_id, customer_id, name, email, address, country, currency, tax_exempt)"
                + " values (?, 'a0', 'other run', '', '', 'US', 'USD', false)", RUN + 1);
    }

    /** Each partition as "name first..last (count)", in partition order. */
    private List<String> ranges(int gridSize) {
        List<String> ranges = new ArrayList<>();
        for (Map.Entry<String, ExecutionContext> p : new CustomerRanges(jdbc, "customer", RUN).partition(gridSize)
                .entrySet()) {
            ranges.add(p.getKey() + " " + p.getValue().getString(CustomerRanges.FIRST) + ".."
                    + p.getValue().getString(CustomerRanges.LAST) + " (" + p.getValue().getLong(CustomerRanges.COUNT) + ")");
        }
        return ranges;
    }

    @Test
    void testNoCustomers_NoPartitions() {
        customers();
        assertThat(ranges(4)).isEmpty();
    }

    @Test
    void testFiveCustomersInThree_TwoTwoOne() {
        // given c1..c5 inserted out of order; when cut in 3: positions p go to partition p * 3 / 5 (0,0,1,1,2)
        customers("c4", "c2", "c5", "c1", "c3");
        assertThat(ranges(3)).containsExactly("partition0 c1..c2 (2)", "partition1 c3..c4 (2)", "partition2 c5..c5 (1)");
    }

    @Test
    void testTenCustomersInFour_ThreeTwoThreeTwo() {
        // positions p go to partition p * 4 / 10: 0,0,0,1,1,2,2,2,3,3
        customers("c00", "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09");
        assertThat(ranges(4)).containsExactly("partition0 c00..c02 (3)", "partition1 c03..c04 (2)",
                "partition2 c05..c07 (3)", "partition3 c08..c09 (2)");
    }

    @Test
    void testFewerCustomersThanGrid_OnePartitionEach() {
        customers("b", "a");
        assertThat(ranges(8)).containsExactly("partition0 a..a (1)", "partition1 b..b (1)");
    }
}
