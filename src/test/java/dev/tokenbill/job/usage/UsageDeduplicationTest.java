package dev.tokenbill.job.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.report.FileCounts;
import dev.tokenbill.report.JdbcReportQueries;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.usage.internal.UsageFiles;
import dev.tokenbill.usage.pipeline.UsagePipeline;
import dev.tokenbill.usage.pipeline.UsageReject;
import dev.tokenbill.testsupport.MigratedH2;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * De-duplication by event id through the real usage pipeline and its JDBC store, on an in-memory
 * H2 database migrated with the project's Flyway scripts (no Spring context). The first row of an
 * id in file-name then line order wins, whatever the thread count, the number of partitions and
 * the order in which threads happen to spill rows.
 */
class UsageDeduplicationTest {

    private static final long RUN = 42;
    private static final String HEADER = "event_id,timestamp,customer_id,model,input_tokens,output_tokens\n";

    private static UsageClassifier classifier;

    @TempDir
    Path input;

    @TempDir
    Path spill;

    private JdbcTemplate jdbc;
    private int threads = 1;
    private long partitionBytes = 1 << 20;
    private long sumsBudget = Long.MAX_VALUE;

    @BeforeAll
    static void classifier() {
        Catalog catalog = CatalogLoader.load(Path.of("input/catalog.yaml"));
        Subscription acme = new Subscription("s-acme", "acme", "payg-usd", LocalDate.parse("2026-01-01"), null, 1, null);
        classifier = new UsageClassifier(catalog, BillingPeriod.parse("2026-10"), Map.of("acme", List.of(acme)));
    }

    @BeforeEach
    void database() throws IOException {
        jdbc = MigratedH2.create("usage");
        Files.createDirectories(input.resolve("usage"));
    }

    private Path usage(String name, String text) throws IOException {
        return Files.writeString(input.resolve("usage").resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Runs the pipeline over the input's usage files into the database, as the usage step does. */
    private UsagePipeline.Result run() throws Exception {
        JdbcUsageStore store = new JdbcUsageStore(jdbc, RUN);
        store.clear();
        Path dir = Files.createTempDirectory(spill, "run");
        return new UsagePipeline(classifier, new UsagePipeline.Settings(threads, partitionBytes, dir, sumsBudget))
                .run(UsageFiles.list(input), store);
    }

    private List<String> rejects() {
        return jdbc.queryForList("select file_name || ':' || line_no || ' ' || reason from usage_reject where run_id = ?"
                + " order by file_name, line_no", String.class, RUN);
    }

    private BigDecimal total(String meter) {
        return jdbc.queryForObject("select coalesce(sum(quantity), 0) from usage_total where run_id = ? and meter = ?",
                BigDecimal.class, RUN, meter);
    }

    private List<FileCounts> fileCounts() {
        return new JdbcReportQueries(jdbc).fileCounts(RUN);
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

    /** a: three accepted; b: two duplicates (b:2, b:5), one conflict (b:3), one accepted (b:4). */
    private void assertTwoFilesOutcome() {
        assertThat(rejects()).containsExactly("2026-10-b.csv:3 " + UsagePipeline.CONFLICT
                + "2026-10-a.csv line 3 with different content");
        // 100 + 200 + 300 + 40 and 10 + 20 + 30 + 4000: the duplicates and the conflict are not billed
        assertThat(total("input_tokens")).isEqualByComparingTo("640");
        assertThat(total("output_tokens")).isEqualByComparingTo("4060");
        assertThat(fileCounts()).containsExactly(
                new FileCounts("2026-10-a.csv", 3, 3, 0, 0, 0),
                new FileCounts("2026-10-b.csv", 4, 1, 2, 1, 0));
        // requests per day: a:2, a:3, a:4 on October 10th (the 10th day), b:4 on the 11th; 31 days in all
        assertThat(jdbc.queryForList("select customer_id || ' ' || first_day || ' ' || requests from usage_daily"
                + " where run_id = ?", String.class, RUN))
                .containsExactly("acme 2026-10-01 " + "0,".repeat(9) + "3,1" + ",0".repeat(20));
    }

    /** Threads, and partitions of 64 bytes (one per row or so) to 1 MB (one for everything). */
    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of(1, 1 << 20), Arguments.of(2, 1 << 20), Arguments.of(4, 64), Arguments.of(3, 1));
    }

    @ParameterizedTest(name = "{0} threads, {1}-byte partitions")
    @MethodSource("layouts")
    void testExactDuplicateAndConflict_FirstInFileThenLineOrderWins(int threads, long partitionBytes) throws Exception {
        // given
        givenTwoFiles();
        this.threads = threads;
        this.partitionBytes = partitionBytes;
        // when
        run();
        // then
        assertTwoFilesOutcome();
    }

    /**
     * A sums budget of one byte: every bucket with an accepted row writes its own sorted run, and checkUsage adds the
     * runs up (the same key and the same customer's day in several runs) to the same totals and day counts.
     */
    @Test
    void testSumsOverTheBudget_AreWrittenInRunsThatAddUpTheSame() throws Exception {
        givenTwoFiles();
        this.partitionBytes = 64;
        this.sumsBudget = 1;
        run();
        assertTwoFilesOutcome();
        try (Stream<Path> runs = Files.walk(spill)) {
            // 8 CSV rows of 64-byte buckets: the 5 accepted rows lie in more than one bucket, so more than one run
            assertThat(runs.filter(f -> f.getFileName().toString().matches("s\\d+-\\d+")).count()).isGreaterThan(1);
        }
    }

    @Test
    void testConflictReject_CarriesItsRawRecordReadBackFromTheFile() throws Exception {
        // given
        givenTwoFiles();
        // when
        run();
        var rejects = new JdbcReportQueries(jdbc).rejects(RUN, input.resolve("usage"));
        // then: the conflicting row b:3, as its cells read
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.file() + ":" + r.line()).isEqualTo("2026-10-b.csv:3");
            assertThat(r.raw()).isEqualTo("gpt-4o,acme,2026-10-10T12:00:00Z,e2,20,999");
        });
    }

    @ParameterizedTest(name = "{0} threads, {1}-byte partitions")
    @MethodSource("layouts")
    void testWinnerWithinOneFile_IsTheEarlierLine(int threads, long partitionBytes) throws Exception {
        // given
        usage("2026-10-a.csv", HEADER
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,1,1\n"  // line 2
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,2,2\n"  // line 3: conflict
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,1,1\n"  // line 4: duplicate of line 2
                + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,2,2\n"); // line 5: conflicts with line 2, not line 3
        this.threads = threads;
        this.partitionBytes = partitionBytes;
        // when
        run();
        // then
        assertThat(fileCounts()).containsExactly(new FileCounts("2026-10-a.csv", 4, 1, 1, 2, 0));
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

        run();

        assertThat(fileCounts()).containsExactly(new FileCounts("10.csv", 1, 1, 0, 0, 0),
                new FileCounts("9.csv", 1, 0, 0, 1, 0));
        assertThat(total("input_tokens")).isEqualByComparingTo("10");
    }

    @Test
    void testOutOfPeriodFirstOccurrence_StillWins() throws Exception {
        usage("a.csv", HEADER + "e1,2026-09-30T23:00:00Z,acme,gpt-4o,5,5\n");
        usage("b.csv", HEADER + "e1,2026-10-01T01:00:00Z,acme,gpt-4o,5,5\n");

        run();

        assertThat(fileCounts()).containsExactly(new FileCounts("a.csv", 1, 0, 0, 0, 1),
                new FileCounts("b.csv", 1, 0, 0, 1, 0));
        assertThat(total("input_tokens")).isEqualByComparingTo("0");
    }

    @Test
    void testRejectedRowsTakeNoPartInDeduplication() throws Exception {
        usage("a.csv", HEADER + "e1,2026-10-10T12:00:00Z,ghost,gpt-4o,5,5\n");
        usage("b.csv", HEADER + "e1,2026-10-10T12:00:00Z,acme,gpt-4o,5,5\n");

        run();

        assertThat(fileCounts()).containsExactly(new FileCounts("a.csv", 1, 0, 0, 1, 0),
                new FileCounts("b.csv", 1, 1, 0, 0, 0));
        assertThat(rejects()).containsExactly("a.csv:2 unknown customer 'ghost'");
    }

    @Test
    void testRunTwice_GivesTheSameResult() throws Exception {
        givenTwoFiles();

        run();
        run();

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
        run();
        // then
        assertThat(fileCounts()).containsExactly(new FileCounts("a.csv", 3, 1, 0, 2, 0));
        assertThat(rejects()).containsExactly(
                "a.csv:2 input_tokens 1e309 is too large (more than 26 digits before the decimal point)",
                "a.csv:3 field output_tokens is longer than 256 characters");
        assertThat(jdbc.queryForObject("select max(length(raw_text)) from usage_reject", Integer.class))
                .isEqualTo(UsagePipeline.MAX_RAW);
    }

    @Test
    void testNulCharacters_NeverReachTheDatabase() {
        // PostgreSQL refuses NUL in text columns: one such reject would fail the whole transaction.
        // (opencsv reads NUL as its escape character, so the store is the last line of defence.)
        new JdbcUsageStore(jdbc, RUN).rejects(List.of(new UsageReject("a.csv", 2, "e\u00001",
                "unknown customer 'ac\u0000me'", "raw\u0000")));

        assertThat(jdbc.queryForList("select event_id || ' ' || reason || ' ' || raw_text from usage_reject", String.class))
                .singleElement().isEqualTo("e\uFFFD1 unknown customer 'ac\uFFFDme' raw\uFFFD");
    }
}
