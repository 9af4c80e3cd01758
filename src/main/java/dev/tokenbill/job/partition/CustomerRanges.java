package dev.tokenbill.job.partition;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cuts the customer ids of a run's rows in one table (customers, invoices) into ranges of about equal count, in
 * customer-id order: {@code partition0} holds the first ids, each partition's context its first and last id (both
 * included) and its count. No rows, no partitions; fewer rows than the grid size, one partition per row. (Not final:
 * a step-scoped bean is a class proxy.)
 *
 * <p>A restart asks again for the partition names (Spring Batch reuses each unfinished partition's saved context,
 * not these), so the rows must not change while the step runs: the customers of a run don't, nor which customers
 * have an invoice once rating is done.
 */
public class CustomerRanges implements Partitioner {

    /** The range's first customer id (included). */
    public static final String FIRST = "firstCustomer";
    /** The range's last customer id (included). */
    public static final String LAST = "lastCustomer";
    /** How many rows the range holds. */
    public static final String COUNT = "customers";

    private final JdbcTemplate jdbc;
    private final String table;
    private final long runId;

    /** @param table a table keyed by (run_id, customer_id): {@code customer} or {@code invoice} */
    public CustomerRanges(JdbcTemplate jdbc, String table, long runId) {
        if (!table.equals("customer") && !table.equals("invoice")) {
            throw new IllegalArgumentException("not a table keyed by customer: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Long counted = jdbc.queryForObject("select count(*) from " + table + " where run_id = ?", Long.class, runId);
        long rows = counted == null ? 0 : counted;
        int partitions = (int) Math.min(Math.max(1, gridSize), rows);
        Map<String, ExecutionContext> result = new LinkedHashMap<>();
        if (partitions == 0) {
            return result;
        }
        // partition i holds the positions p with i * rows <= p * partitions < (i + 1) * rows: i = p * partitions / rows
        long[] position = {0};
        String[] first = new String[1];
        jdbc.query("select customer_id from " + table + " where run_id = ? order by run_id, customer_id", rs -> {
            long at = position[0]++;
            int index = (int) (at * partitions / rows);
            long start = ceilDiv(index * rows, partitions);
            long end = ceilDiv((index + 1) * rows, partitions);
            String id = rs.getString(1);
            if (at == start) {
                first[0] = id;
            }
            if (at == end - 1) {
                ExecutionContext context = new ExecutionContext();
                context.putString(FIRST, first[0]);
                context.putString(LAST, id);
                context.putLong(COUNT, end - start);
                result.put("partition" + index, context);
            }
        }, runId);
        return result;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
