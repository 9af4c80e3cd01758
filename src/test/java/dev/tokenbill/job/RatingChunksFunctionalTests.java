package dev.tokenbill.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.csv.CsvRow;
import dev.tokenbill.csv.CsvSource;
import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.testsupport.SecondApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rating step's results do not depend on how it is cut up: the same final run with one chunk
 * of 1,000 customers in one partition on one thread, chunks of 7 on one thread, and chunks of 7 rated on four
 * threads in 1, 3, 8 or 16 partitions leaves the same invoices (rows, numbers), lines, tiers, credit applications,
 * what-if rows and step counts; so does a run whose rating step fails in the middle (in one of its partitions) and is
 * restarted, which re-runs only the failed partition, from its last committed chunk.
 *
 * <p>The input is generated (150 customers, 15,000 events) plus a credits.csv (a grant for every
 * third customer, some expiring before the period ends), a costs.csv (two USD pools) and some
 * customers moved to the cost-plus plan, which bills their allocated cost. Each configuration runs in its own application context
 * on its own PostgreSQL database, as {@code tokenbill.rating-chunk-size} and
 * {@code tokenbill.threads} are read when the step is built.
 */
class RatingChunksFunctionalTests {

    private static final String PERIOD = "2026-10";

    @TempDir
    static Path work;

    static Path input;
    static Map<String, List<String>> oneBigChunk;

    @BeforeAll
    static void generateInputAndRateInOneChunk() throws Exception {
        input = work.resolve("input");
        SyntheticInput.write(input, new GeneratorSpec(150, 15_000, dev.tokenbill.period.BillingPeriod.parse(PERIOD),
                20261124L, 2, 0.002));
        writeCreditsAndCosts(input);
        oneBigChunk = finalRun(1000, 1, 1, jdbc -> { }, jdbc -> { });
    }

    @Test
    void testChunksOf7_OneThread_SameRowsAsOneChunk() throws Exception {
        // given / when
        Map<String, List<String>> chunksOf7 = finalRun(7, 1, 0, jdbc -> { }, jdbc -> { });

        // then
        assertSameRows(chunksOf7);
    }

    @Test
    void testChunksOf7_FourThreads_SameRowsAsOneChunk() throws Exception {
        // given / when
        Map<String, List<String>> fourThreads = finalRun(7, 4, 0, jdbc -> { }, jdbc -> { });

        // then
        assertSameRows(fourThreads);
    }

    @Test
    void testRatingFailsMidStep_Restart_SameRowsAsOneChunk() throws Exception {
        // given: the 100th invoice cannot be written, so rating fails after several committed chunks of 7
        String victim = oneBigChunk.get("invoice").get(99).split("\\|")[1];
        Consumer<JdbcTemplate> breakInvoices = jdbc -> jdbc.execute("alter table invoice add constraint no_victim"
                + " check (customer_id <> '" + victim + "')");
        Consumer<JdbcTemplate> repair = jdbc -> jdbc.execute("alter table invoice drop constraint no_victim");

        // when: the run fails in rateCustomers, the constraint goes, and the period is restarted
        Map<String, List<String>> restarted = finalRun(7, 4, 0, breakInvoices, repair);

        // then
        assertThat(restarted.get("rateCustomers executions")).containsExactly("|FAILED|", "|COMPLETED|");
        int readAfterRestart = Integer.parseInt(restarted.get("rateCustomers counts").get(1).split("\\|")[1]);
        assertThat(readAfterRestart).as("the restart resumed after the committed chunks").isBetween(1, 149);
        restarted.remove("rateCustomers executions");
        restarted.remove("rateCustomers counts");
        restarted.remove("partitions");
        assertThat(restarted.get("invoice")).hasSameSizeAs(oneBigChunk.get("invoice"));
        Map<String, List<String>> expected = new LinkedHashMap<>(oneBigChunk);
        expected.remove("rateCustomers executions");
        expected.remove("rateCustomers counts");
        expected.remove("partitions");
        assertThat(restarted).containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 8})
    void testChunksOf7_FourThreads_PartitionCount_SameRowsAsOneChunk(int partitions) throws Exception {
        // given / when
        Map<String, List<String>> partitioned = finalRun(7, 4, partitions, jdbc -> { }, jdbc -> { });

        // then
        assertSameRows(partitioned);
        assertThat(partitioned.get("partitions")).hasSize(partitions).allMatch(p -> p.contains("|COMPLETED|"));
    }

    @Test
    void testOnePartitionFailsPartWay_Restart_RerunsOnlyItFromItsCheckpoint() throws Exception {
        // given: three partitions of 50 customers (positions 0-49, 50-99, 100-149), chunks of 7; the invoice of the
        // first customer from position 70 on that has one cannot be written: partition1 fails in a chunk after
        // some of its chunks committed
        List<String> customers = oneBigChunk.get("customer");
        List<String> invoiced = oneBigChunk.get("invoice").stream().map(r -> r.split("\\|")[1]).toList();
        int position = 70;
        while (!invoiced.contains(customers.get(position).split("\\|")[1])) {
            position++;
        }
        assertThat(position).isLessThan(100);
        String victim = customers.get(position).split("\\|")[1];
        Consumer<JdbcTemplate> breakInvoices = jdbc -> jdbc.execute("alter table invoice add constraint no_victim"
                + " check (customer_id <> '" + victim + "')");
        Consumer<JdbcTemplate> repair = jdbc -> jdbc.execute("alter table invoice drop constraint no_victim");

        // when: the run fails in rateCustomers, the constraint goes, and the period is restarted
        Map<String, List<String>> restarted = finalRun(7, 4, 3, breakInvoices, repair);

        // then: partitions 0 and 2 ran once; partition1 ran again from its last committed chunk: of its 50
        // customers, the chunks of 7 before the victim's had committed (at 70: 50-56 and 57-63, so 36 were left); the
        // failed execution counts the reads of the chunk that failed too (at 70: 64-70, so 21)
        int committed = 7 * ((position - 50) / 7);
        assertThat(restarted.get("partitions")).containsExactly(
                "|rateCustomersPartition:partition0|COMPLETED|50|",
                "|rateCustomersPartition:partition1|FAILED|" + (committed + Math.min(7, 50 - committed)) + "|",
                "|rateCustomersPartition:partition1|COMPLETED|" + (50 - committed) + "|",
                "|rateCustomersPartition:partition2|COMPLETED|50|");
        assertThat(restarted.get("rateCustomers executions")).containsExactly("|FAILED|", "|COMPLETED|");
        for (String key : List.of("rateCustomers executions", "rateCustomers counts", "partitions")) {
            restarted.remove(key);
        }
        Map<String, List<String>> expected = new LinkedHashMap<>(oneBigChunk);
        for (String key : List.of("rateCustomers executions", "rateCustomers counts", "partitions")) {
            expected.remove(key);
        }
        assertThat(restarted).containsExactlyEntriesOf(expected);
    }

    private static void assertSameRows(Map<String, List<String>> actual) {
        assertThat(actual.get("invoice")).hasSizeGreaterThan(100);
        assertThat(actual.get("credit_applied")).isNotEmpty();
        assertThat(actual.get("invoice_line").stream().filter(l -> l.contains("|COST_PLUS|"))).isNotEmpty();
        Map<String, List<String>> withoutPartitions = new LinkedHashMap<>(actual);
        withoutPartitions.remove("partitions");
        Map<String, List<String>> expected = new LinkedHashMap<>(oneBigChunk);
        expected.remove("partitions");
        assertThat(withoutPartitions).containsExactlyEntriesOf(expected);
    }

    /**
     * A final run of the period in a fresh context and database ({@code partitions} 0: the default, four per
     * thread); {@code beforeRun} may break the
     * database so the run fails, then {@code beforeRestart} repairs it and the period is restarted.
     */
    private static Map<String, List<String>> finalRun(int chunkSize, int threads, int partitions,
            Consumer<JdbcTemplate> beforeRun, Consumer<JdbcTemplate> beforeRestart) throws Exception {
        Path output = Files.createTempDirectory(work, "out");
        try (ConfigurableApplicationContext context = SecondApplication.start("logging.threshold.console=OFF",
                "tokenbill.rating-chunk-size=" + chunkSize, "tokenbill.threads=" + threads,
                "tokenbill.partitions=" + partitions)) {
            BillingRuns runs = context.getBean(BillingRuns.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            beforeRun.accept(jdbc);
            JobExecution execution = runs.start(PERIOD, true, input, output);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                beforeRestart.accept(jdbc);
                execution = runs.restart(PERIOD).execution();
            }
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            return snapshot(jdbc);
        }
    }

    /** Every row the rating and numbering steps write, without run ids, in key order; and the step's counts. */
    private static Map<String, List<String>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        rows.put("invoice", rows(jdbc, "select customer_id, period, status, invoice_number, currency, subtotal, discounts,"
                + " tax_name, tax_rate, tax, tax_exempt, total, credits, amount_due, pdf_file from invoice order by customer_id"));
        rows.put("invoice_line", rows(jdbc, "select customer_id, position, kind, description, subscription_id, plan_id,"
                + " meter, model, price_condition, usage_quantity, included, quantity, unit_price, amount, reference"
                + " from invoice_line order by customer_id, position"));
        rows.put("invoice_line_tier", rows(jdbc, "select customer_id, position, tier, from_units, up_to, units, unit_price,"
                + " flat_fee, amount from invoice_line_tier order by customer_id, position, tier"));
        rows.put("credit_applied", rows(jdbc, "select customer_id, grant_id, period, amount from credit_applied"
                + " order by customer_id, grant_id"));
        rows.put("plan_whatif", rows(jdbc, "select customer_id, current_plan, plan_id, currency, amount, difference"
                + " from plan_whatif order by customer_id, plan_id"));
        rows.put("invoice_sequence", rows(jdbc, "select series, next_number from invoice_sequence"));
        rows.put("rateCustomers executions", rows(jdbc, "select status from batch_step_execution"
                + " where step_name = 'rateCustomers' order by step_execution_id"));
        rows.put("customer", rows(jdbc, "select customer_id from customer order by run_id, customer_id"));
        rows.put("partitions", rows(jdbc, "select step_name, status, read_count from batch_step_execution"
                + " where step_name like 'rateCustomersPartition:%' order by step_name, step_execution_id"));
        rows.put("rateCustomers counts", rows(jdbc, "select read_count, write_count, filter_count from batch_step_execution"
                + " where step_name = 'rateCustomers' order by step_execution_id"));
        return rows;
    }

    private static List<String> rows(JdbcTemplate jdbc, String sql) {
        return jdbc.query(sql, (rs, n) -> {
            StringBuilder row = new StringBuilder("|");
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            return row.toString();
        });
    }

    /**
     * A grant for every third customer (every sixth one expiring before the period ends), two USD
     * cost pools, and every other dedicated A100 subscription moved to the cost-plus contract.
     */
    private static void writeCreditsAndCosts(Path dir) throws Exception {
        List<String> subscriptions = new ArrayList<>();
        int dedicated = 0;
        for (String line : Files.readAllLines(dir.resolve("subscriptions.csv"), StandardCharsets.UTF_8)) {
            boolean move = line.contains(",dedicated-a100,") && dedicated++ % 2 == 0;
            subscriptions.add(move ? line.replace(",dedicated-a100,", ",dedicated-costplus-usd,") : line);
        }
        Files.write(dir.resolve("subscriptions.csv"), subscriptions, StandardCharsets.UTF_8);
        List<String> credits = new ArrayList<>(List.of("grant_id,customer_id,granted_on,amount,currency,expires_on"));
        try (CsvSource customers = CsvSource.open(dir.resolve("customers.csv"), Set.of("customer_id", "currency"), Set.of(),
                true)) {
            int i = 0;
            for (CsvRow row = customers.next(); row != null; row = customers.next(), i++) {
                if (i % 3 == 0) {
                    String expires = i % 2 == 0 ? "2026-10-20" : "";
                    credits.add("G-" + i + "," + row.get("customer_id") + ",2026-09-01," + (5 + i % 40) + ".50,"
                            + row.get("currency") + "," + expires);
                }
            }
        }
        Files.write(dir.resolve("credits.csv"), credits, StandardCharsets.UTF_8);
        Files.write(dir.resolve("costs.csv"), List.of("period,pool,amount,currency", "2026-10,gpu-fleet,1500.00,USD",
                "2026-10,network,250.00,USD"), StandardCharsets.UTF_8);
    }
}
