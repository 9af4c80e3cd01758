package dev.tokenbill.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.SecondApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The usage steps give the same result for any thread and partition count (issue 15, issue 16): a generated period
 * cut into three usage files with exact duplicates and conflicting duplicates across the files (the row of the file
 * first in name order wins, also when the other copy comes first in its own file) is billed on four threads with 1 MB
 * ranges and buckets (the big file in several ranges), on two threads with the default grid, and on one thread with
 * one partition per step. Invoices, lines, usage totals, per-file tallies (the reconciliation), requests per day,
 * rejects, charges.csv and rejects.csv must be equal.
 */
@BillingJobTest
@TestPropertySource(properties = {"tokenbill.threads=4", "tokenbill.usage-partition-mb=1"})
class UsagePartitionsFunctionalTests {

    private static final String PERIOD = "2026-10";

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path tmp;

    @Test
    void finalRun_SameInvoicesRejectsAndReconciliationForOneTwoAndFourThreads() throws Exception {
        // given 80 customers, 30,000 events (about 3 MB) in three files with 300 copies and 120 conflicting copies (a few of them of rows that are rejected anyway)
        Path input = tmp.resolve("input");
        SyntheticInput.write(input, GeneratorSpec.of(80, 30_000, PERIOD, 29L), true);
        spreadWithDuplicates(input.resolve("usage"));
        BillingDatabase.reset(jdbc);

        // when billed on 4 threads here, and on 2 and 1 threads by applications with databases of their own
        JobExecution four = runs.start(PERIOD, true, input, tmp.resolve("four"));
        Map<String, List<Map<String, Object>>> fourRows = ThreadsAndChunksFunctionalTests.snapshot(jdbc);
        JobExecution two;
        Map<String, List<Map<String, Object>>> twoRows;
        try (ConfigurableApplicationContext app = SecondApplication.start("tokenbill.threads=2")) {
            BillingDatabase.reset(app.getBean(JdbcTemplate.class));
            two = app.getBean(BillingRuns.class).start(PERIOD, true, input, tmp.resolve("two"));
            twoRows = ThreadsAndChunksFunctionalTests.snapshot(app.getBean(JdbcTemplate.class));
        }
        JobExecution one;
        Map<String, List<Map<String, Object>>> oneRows;
        try (ConfigurableApplicationContext app = SecondApplication.start("tokenbill.threads=1",
                "tokenbill.partitions=1", "tokenbill.usage-partition-mb=64")) {
            BillingDatabase.reset(app.getBean(JdbcTemplate.class));
            one = app.getBean(BillingRuns.class).start(PERIOD, true, input, tmp.resolve("one"));
            oneRows = ThreadsAndChunksFunctionalTests.snapshot(app.getBean(JdbcTemplate.class));
        }

        // then
        assertThat(List.of(four, two, one)).allSatisfy(e -> assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(fourRows.get("usage_file")).hasSize(3);
        long duplicates = fourRows.get("usage_file").stream()
                .mapToLong(f -> ((Number) f.get("duplicates")).longValue()).sum();
        assertThat(duplicates).isGreaterThanOrEqualTo(300);
        assertThat(fourRows.get("usage_reject")).filteredOn(r -> String.valueOf(r.get("reason"))
                .startsWith("conflicting duplicate: event_id already used by ")).hasSizeGreaterThanOrEqualTo(100);
        // the copies in b.csv lose to a.csv although they come first in b.csv; those in c.csv lose to a.csv and b.csv
        assertThat(fourRows.get("usage_reject")).filteredOn(r -> String.valueOf(r.get("reason")).startsWith(
                "conflicting duplicate")).allSatisfy(r -> assertThat((String) r.get("file_name")).isNotEqualTo("a.csv"));
        for (String table : ThreadsAndChunksFunctionalTests.TABLES.keySet()) {
            assertThat(fourRows.get(table)).as(table + ", 4 and 2 threads").containsExactlyElementsOf(twoRows.get(table));
            assertThat(fourRows.get(table)).as(table + ", 4 and 1 thread").containsExactlyElementsOf(oneRows.get(table));
        }
        for (String report : List.of("charges.csv", "rejects.csv")) {
            byte[] expected = Files.readAllBytes(tmp.resolve("one").resolve(PERIOD).resolve(report));
            assertThat(Files.readAllBytes(tmp.resolve("four").resolve(PERIOD).resolve(report))).as(report).isEqualTo(expected);
            assertThat(Files.readAllBytes(tmp.resolve("two").resolve(PERIOD).resolve(report))).as(report).isEqualTo(expected);
        }
        assertThat(tmp.resolve("four").resolve(".staging")).doesNotExist();
    }

    /**
     * Replaces the generated usage file by a.csv (the first half of its rows), b.csv (300 exact copies of a.csv's
     * rows first, then the second half) and c.csv (120 copies of a.csv's and b.csv's rows with another output_tokens:
     * conflicts).
     */
    private static void spreadWithDuplicates(Path usage) throws Exception {
        Path generated;
        try (Stream<Path> files = Files.list(usage)) {
            generated = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(generated, StandardCharsets.UTF_8);
        Files.delete(generated);
        String header = lines.get(0);
        List<String> rows = lines.subList(1, lines.size());
        List<String> a = new ArrayList<>(rows.subList(0, rows.size() / 2));
        List<String> second = rows.subList(rows.size() / 2, rows.size());
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            b.add(a.get(i * 41 % a.size()));
        }
        b.addAll(second);
        List<String> c = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String row = i % 2 == 0 ? a.get(i * 53 % a.size()) : second.get(i * 59 % second.size());
            String[] cells = row.split(",", -1); // generated rows quote nothing
            cells[6] = String.valueOf(7_000 + i); // output_tokens: another quantity, the same event id
            c.add(String.join(",", cells));
        }
        write(usage.resolve("a.csv"), header, a);
        write(usage.resolve("b.csv"), header, b);
        write(usage.resolve("c.csv"), header, c);
    }

    private static void write(Path file, String header, List<String> rows) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
