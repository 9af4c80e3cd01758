package dev.tokenbill.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.SecondApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The results of a run do not depend on how it is cut up. The test context bills a generated
 * period (with duplicates, conflicts and bad rows) on four threads, in 3 rating and rendering partitions (fewer
 * than the threads), customer and render chunks of 7 and usage partitions of 1 MB; a second application, on a
 * database of its own, bills the same input on one thread in 8 partitions with chunks of 50. Every billing table (invoices with their numbers,
 * lines, tiers, credit applications, usage totals, per-file counts, rejects) and charges.csv and
 * rejects.csv must be equal, row for row and byte for byte.
 */
@BillingJobTest
@TestPropertySource(properties = {"tokenbill.threads=4", "tokenbill.partitions=3", "tokenbill.rating-chunk-size=7",
        "tokenbill.render-chunk-size=7", "tokenbill.usage-partition-mb=1"})
class ThreadsAndChunksFunctionalTests {

    private static final String PERIOD = "2026-10";
    /** Each table with the order that makes its rows comparable; run_id differs between databases and is left out. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("invoice", "customer_id");
        TABLES.put("invoice_line", "customer_id, position");
        TABLES.put("invoice_line_tier", "customer_id, position, tier");
        TABLES.put("credit_applied", "customer_id, grant_id");
        TABLES.put("usage_total", "subscription_id, model, meter, price_condition");
        TABLES.put("usage_file", "file_name");
        TABLES.put("usage_daily", "customer_id");
        TABLES.put("usage_reject", "file_name, line_no");
        TABLES.put("plan_whatif", "customer_id, plan_id");
    }

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path tmp;

    @Test
    void finalRun_SameInvoicesLinesNumbersAndUsageForOneAndFourThreadsAndTwoChunkSizes() throws Exception {
        // given 150 generated customers, 40,000 events (about 4 MB of usage: several partitions), no earlier run
        Path input = tmp.resolve("input");
        SyntheticInput.write(input, GeneratorSpec.of(150, 40_000, PERIOD, 11L), true);
        BillingDatabase.reset(jdbc);

        // when billed final here (4 threads, 3 partitions, chunks of 7) and by another application (1 thread,
        // 8 partitions, chunks of 50)
        JobExecution four = runs.start(PERIOD, true, input, tmp.resolve("four"));
        Map<String, List<Map<String, Object>>> fourRows = snapshot(jdbc);
        JobExecution one;
        Map<String, List<Map<String, Object>>> oneRows;
        List<Long> onePartitions;
        try (ConfigurableApplicationContext single = SecondApplication.start("tokenbill.threads=1",
                "tokenbill.partitions=8", "tokenbill.rating-chunk-size=50", "tokenbill.render-chunk-size=50")) {
            BillingDatabase.reset(single.getBean(JdbcTemplate.class));
            one = single.getBean(BillingRuns.class).start(PERIOD, true, input, tmp.resolve("one"));
            oneRows = snapshot(single.getBean(JdbcTemplate.class));
            onePartitions = partitions(single.getBean(JdbcTemplate.class));
        }

        // then
        assertThat(four.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(one.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(fourRows.get("invoice")).hasSizeGreaterThan(100)
                .allSatisfy(row -> assertThat(row.get("invoice_number")).isNotNull());
        assertThat(fourRows.get("usage_reject")).isNotEmpty();
        assertThat(fourRows.get("usage_file")).singleElement()
                .satisfies(f -> assertThat(((Number) f.get("duplicates")).longValue()).isPositive());
        assertThat(partitions(jdbc)).containsExactly(3L, 3L);
        assertThat(onePartitions).containsExactly(8L, 8L);
        for (String table : TABLES.keySet()) {
            assertThat(fourRows.get(table)).as(table).containsExactlyElementsOf(oneRows.get(table));
        }
        for (String report : List.of("charges.csv", "rejects.csv")) {
            assertThat(Files.readAllBytes(tmp.resolve("four").resolve(PERIOD).resolve(report))).as(report)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(PERIOD).resolve(report)));
        }
    }

    /** How many partitions rateCustomers and renderInvoices ran in, in that order. */
    private static List<Long> partitions(JdbcTemplate jdbc) {
        return List.of(jdbc.queryForObject("select count(*) from batch_step_execution where step_name like"
                        + " 'rateCustomersPartition:%'", Long.class),
                jdbc.queryForObject("select count(*) from batch_step_execution where step_name like"
                        + " 'renderInvoicesPartition:%'", Long.class));
    }

    static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("select * from " + table + " order by " + order)) {
                row.remove("run_id");
                rows.add(row);
            }
            tables.put(table, rows);
        });
        return tables;
    }
}
