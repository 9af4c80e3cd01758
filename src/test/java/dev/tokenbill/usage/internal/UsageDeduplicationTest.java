package dev.tokenbill.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.database.BatchSchemaMigration;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.report.FileCounts;
import dev.tokenbill.report.JdbcReportQueries;
import dev.tokenbill.usage.ClassifiedRow;
import dev.tokenbill.usage.UsageClassifier;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * De-duplication by event id through the real reader, processor, writer and aggregation, on an
 * in-memory H2 database migrated with the project's Flyway scripts (no Spring context). The first
 * row of an id in file-name then line order wins, whatever order the rows were written in.
 */
class UsageDeduplicationTest {

    private static final long RUN = 42;
    private static final String HEADER = "event_id,timestamp,customer_id,model,input_tokens,output_tokens\n";

    private static UsageRowProcessor processor;

    @TempDir
    Path input;

    private JdbcTemplate jdbc;
    private JdbcUsageWriter writer;
    private UsageAggregation aggregation;

    @BeforeAll
    static void classifier() {
        Catalog catalog = CatalogLoader.load(Path.of("input/catalog.yaml"));
        Subscription acme = new Subscription("s-acme", "acme", "payg-usd", LocalDate.parse("2026-01-01"), null, 1, null);
        processor = new UsageRowProcessor(new UsageClassifier(catalog, BillingPeriod.parse("2026-10"),
                Map.of("acme", List.of(acme))));
    }

    @BeforeEach
    void database() throws IOException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:usage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(new BatchSchemaMigration()).load().migrate();
        jdbc = new JdbcTemplate(ds);
        writer = new JdbcUsageWriter(jdbc, RUN);
        aggregation = new UsageAggregation(jdbc);
        Files.createDirectories(input.resolve("usage"));
    }

    private Path usage(String name, String text) throws IOException {
        return Files.writeString(input.resolve("usage").resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Reads and classifies one file with a fresh reader, as the usage step does. */
    private static List<ClassifiedRow> classify(Path file) throws Exception {
        UsageFileReader reader = new UsageFileReader(List.of(file));
        reader.open(new ExecutionContext());
        List<ClassifiedRow> rows = new ArrayList<>();
        try {
            for (UsageInputRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(processor.process(row));
            }
        } finally {
            reader.close();
        }
        return rows;
    }

    /** Writes rows in chunks of two, in the order given. */
    private void write(List<ClassifiedRow> rows) throws Exception {
        for (int i = 0; i < rows.size(); i += 2) {
            writer.write(new Chunk<>(rows.subList(i, Math.min(i + 2, rows.size()))));
        }
    }

    private Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        jdbc.query("select file_name, line_no, status from usage_event where run_id = ? order by file_name, line_no",
                rs -> {
                    statuses.put(rs.getString(1) + ":" + rs.getLong(2), rs.getString(3));
                }, RUN);
        return statuses;
    }

    private List<String> rejects() {
        return jdbc.queryForList("select file_name || ':' || line_no || ' ' || reason from usage_reject where run_id = ?"
                + " order by file_name, line_no", String.class, RUN);
    }

    private BigDecimal total(String meter) {
        return jdbc.queryForObject("select coalesce(sum(quantity), 0) from usage_total where run_id = ? and meter = ?",
                BigDecimal.class, RUN, meter);
    }

    private void givenTwoFiles() throws IOException {
        usage("2026-10-a.csv", HEADER
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,100,10\n"   // line 2
                + "e2,2026-10-10T12:00:00Z,acme,gpt-4o,200,20\n"   // line 3
                + "e3,2026-10-10T12:00:00Z,acme,gpt-4o,300,30\n"); // line 4
        // same columns in another order: content is compared by column name, not position
        usage("2026-10-b.csv", "model,customer_id,timestamp,event_id,output_tokens,input_tokens\n"
                + "gpt-4o,acme,2026-10-10T12:00:00Z,e1,10,100\n"    // line 2: exact duplicate of a:2
                + "gpt-4o,acme,2026-10-10T12:00:00Z,e2,20,999\n"    // line 3: conflict with a:3
                + "gpt-4o,acme,2026-10-11T12:00:00Z,e4,4000,40\n"   // line 4: new
                + "gpt-4o,acme, 2026-10-10T12:00:00Z ,e3,30,300\n"); // line 5: duplicate, spaces aside
    }

    private void assertTwoFilesOutcome() {
        assertThat(statuses()).containsExactly(
                Map.entry("2026-10-a.csv:2", "ACCEPTED"),
                Map.entry("2026-10-a.csv:3", "ACCEPTED"),
                Map.entry("2026-10-a.csv:4", "ACCEPTED"),
                Map.entry("2026-10-b.csv:2", "DUPLICATE"),
                Map.entry("2026-10-b.csv:3", "REJECTED"),
                Map.entry("2026-10-b.csv:4", "ACCEPTED"),
                Map.entry("2026-10-b.csv:5", "DUPLICATE"));
        assertThat(rejects()).containsExactly("2026-10-b.csv:3 " + UsageAggregation.CONFLICT
                + "2026-10-a.csv line 3 with different content");
        // 100 + 200 + 300 + 40 and 10 + 20 + 30 + 4000: the duplicates and the conflict are not billed
        assertThat(total("input_tokens")).isEqualByComparingTo("640");
        assertThat(total("output_tokens")).isEqualByComparingTo("4060");
        assertThat(new JdbcReportQueries(jdbc).fileCounts(RUN)).containsExactly(
                new FileCounts("2026-10-a.csv", 3, 3, 0, 0, 0),
                new FileCounts("2026-10-b.csv", 4, 1, 2, 1, 0));
    }

    @Test
    void testExactDuplicateAndConflict_InFileOrder() throws Exception {
        // given
        givenTwoFiles();
        // when
        for (Path file : UsageFiles.list(input)) {
            write(classify(file));
        }
        aggregation.run(RUN);
        // then
        assertTwoFilesOutcome();
    }

    @Test
    void testConflictReject_CarriesItsRawRecordReadBackFromTheFile() throws Exception {
        // given
        givenTwoFiles();
        for (Path file : UsageFiles.list(input)) {
            write(classify(file));
        }
        // when
        aggregation.run(RUN);
        var rejects = new JdbcReportQueries(jdbc).rejects(RUN, input.resolve("usage"));
        // then: the conflicting row b:3, as its cells read
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.file() + ":" + r.line()).isEqualTo("2026-10-b.csv:3");
            assertThat(r.raw()).isEqualTo("gpt-4o,acme,2026-10-10T12:00:00Z,e2,20,999");
        });
    }

    @Test
    void testWinnerIsFirstInFileThenLineOrder_WhateverTheWriteOrder() throws Exception {
        // given
        givenTwoFiles();
        List<ClassifiedRow> rows = new ArrayList<>();
        List<Path> files = new ArrayList<>(UsageFiles.list(input));
        Collections.reverse(files);
        for (Path file : files) {
            rows.addAll(classify(file));
        }
        Collections.reverse(rows); // b.csv is read first and each file's lines go in backwards
        // when
        write(rows);
        aggregation.run(RUN);
        // then
        assertTwoFilesOutcome();
    }

    @Test
    void testWinnerWithinOneFile_IsTheEarlierLine() throws Exception {
        // given
        Path file = usage("2026-10-a.csv", HEADER
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,1,1\n"  // line 2
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,2,2\n"  // line 3: conflict
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,1,1\n"  // line 4: duplicate of line 2
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,2,2\n"); // line 5: conflicts with line 2, not line 3
        List<ClassifiedRow> rows = new ArrayList<>(classify(file));
        Collections.reverse(rows);
        // when
        write(rows);
        aggregation.run(RUN);
        // then
        assertThat(statuses().values()).containsExactly("ACCEPTED", "REJECTED", "DUPLICATE", "REJECTED");
        assertThat(rejects()).containsExactly(
                "2026-10-a.csv:3 conflicting duplicate: event_id already used by 2026-10-a.csv line 2 with different content",
                "2026-10-a.csv:5 conflicting duplicate: event_id already used by 2026-10-a.csv line 2 with different content");
        assertThat(total("input_tokens")).isEqualByComparingTo("1");
    }

    @Test
    void testFileNameOrder_IsTextOrderLikeTheFileListing() throws Exception {
        // "10.csv" sorts before "9.csv": the listing and the winner must agree
        usage("9.csv", HEADER + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,9,9\n");
        usage("10.csv", HEADER + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,10,10\n");
        List<Path> files = UsageFiles.list(input);
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("10.csv", "9.csv");

        write(classify(files.get(1)));
        write(classify(files.get(0)));
        aggregation.run(RUN);

        assertThat(statuses()).containsExactly(Map.entry("10.csv:2", "ACCEPTED"), Map.entry("9.csv:2", "REJECTED"));
        assertThat(total("input_tokens")).isEqualByComparingTo("10");
    }

    @Test
    void testOutOfPeriodFirstOccurrence_StillWins() throws Exception {
        usage("a.csv", HEADER + "e1,2026-09-30T23:00:00Z,acme,gpt-4o,5,5\n");
        usage("b.csv", HEADER + "e1,2026-10-01T01:00:00Z,acme,gpt-4o,5,5\n");
        for (Path file : UsageFiles.list(input)) {
            write(classify(file));
        }

        aggregation.run(RUN);

        assertThat(statuses()).containsExactly(Map.entry("a.csv:2", "OUT_OF_PERIOD"), Map.entry("b.csv:2", "REJECTED"));
        assertThat(total("input_tokens")).isEqualByComparingTo("0");
    }

    @Test
    void testRejectedRowsTakeNoPartInDeduplication() throws Exception {
        usage("a.csv", HEADER + "e1,2026-10-10T12:00:00Z,ghost,gpt-4o,5,5\n");
        usage("b.csv", HEADER + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,5,5\n");
        for (Path file : UsageFiles.list(input)) {
            write(classify(file));
        }

        aggregation.run(RUN);

        assertThat(statuses()).containsExactly(Map.entry("a.csv:2", "REJECTED"), Map.entry("b.csv:2", "ACCEPTED"));
        assertThat(rejects()).containsExactly("a.csv:2 unknown customer 'ghost'");
    }

    @Test
    void testAggregationRunTwice_GivesTheSameResult() throws Exception {
        givenTwoFiles();
        for (Path file : UsageFiles.list(input)) {
            write(classify(file));
        }

        aggregation.run(RUN);
        aggregation.run(RUN);

        assertTwoFilesOutcome();
    }

    @Test
    void testHostileRows_AreStoredAsRejects() throws Exception {
        // given: a quantity no numeric(38, 12) column can hold, and a 100 KB cell
        String huge = "x".repeat(100_000);
        usage("a.csv", HEADER
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,1e309,1\n"
                + "e2,2026-10-10T12:00:00Z,acme,gpt-4o,1,\"" + huge + "\"\n"
                + "e3,2026-10-10T12:00:00Z,acme,gpt-4o,1,1\n");
        // when
        for (Path file : UsageFiles.list(input)) {
            write(classify(file));
        }
        aggregation.run(RUN);
        // then
        assertThat(statuses().values()).containsExactly("REJECTED", "REJECTED", "ACCEPTED");
        assertThat(rejects()).containsExactly(
                "a.csv:2 input_tokens 1e309 is too large (more than 26 digits before the decimal point)",
                "a.csv:3 field output_tokens is longer than 256 characters");
        assertThat(jdbc.queryForObject("select max(length(raw_text)) from usage_reject", Integer.class))
                .isEqualTo(JdbcUsageWriter.MAX_RAW);
    }

    @Test
    void testNulCharacters_NeverReachTheDatabase() throws Exception {
        // PostgreSQL refuses NUL in text columns: one such row would fail the whole chunk
        UsageClassifier classifier = new UsageClassifier(CatalogLoader.load(Path.of("input/catalog.yaml")),
                BillingPeriod.parse("2026-10"), Map.of("acme", List.of(new Subscription("s-acme", "acme", "payg-usd",
                        LocalDate.parse("2026-01-01"), null, 1, null))));
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("event_id", "e\u00001");
        cells.put("timestamp", "2026-10-10T12:00:00Z");
        cells.put("customer_id", "acme");
        cells.put("model", "gpt-4o");
        cells.put("input_tokens", "5");
        ClassifiedRow accepted = classifier.classify("a.csv", 2, cells, true, List.of("input_tokens"), "raw\u0000");
        cells.put("customer_id", "ac\u0000me");
        ClassifiedRow rejected = classifier.classify("a.csv", 3, cells, true, List.of("input_tokens"), "raw\u0000");

        write(List.of(accepted, rejected));
        aggregation.run(RUN);

        assertThat(statuses().values()).containsExactly("ACCEPTED", "REJECTED");
        assertThat(jdbc.queryForList("select event_id from usage_event order by line_no", String.class))
                .containsExactly("e\uFFFD1", "e\uFFFD1");
        assertThat(jdbc.queryForList("select event_id || reason || raw_text from usage_reject", String.class))
                .singleElement().isEqualTo("e\uFFFD1unknown customer 'ac\uFFFDme'raw\uFFFD");
        assertThat(total("input_tokens")).isEqualByComparingTo("5");
    }
}
