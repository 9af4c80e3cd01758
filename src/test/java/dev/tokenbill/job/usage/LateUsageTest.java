package dev.tokenbill.job.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.report.FileCounts;
import dev.tokenbill.report.JdbcReportQueries;
import dev.tokenbill.testsupport.MigratedH2;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.usage.internal.UsageFiles;
import dev.tokenbill.usage.pipeline.UsagePipeline;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Late usage through the real usage pipeline and its JDBC store (H2, no Spring context): a final run records the
 * events it billed; a later run rejects as late only the rows of that final period whose event id the final did not
 * bill, and counts the others as duplicates (same content) or conflicts (other content). The billing_run rows that
 * the job's first and last steps write are inserted by hand.
 */
class LateUsageTest {

    private static final String HEADER = "event_id,timestamp,customer_id,model,input_tokens,output_tokens\n";
    private static final long OCTOBER_RUN = 1;
    private static final long NOVEMBER_RUN = 2;
    private static final String LATE_REASON = "late: period 2026-10 is already final (bill it with"
            + " 'run --period 2026-10 --final --correction')";

    @TempDir
    Path input;

    @TempDir
    Path spill;

    private final Catalog catalog = CatalogLoader.load(Path.of("input/catalog.yaml"));
    private final Map<String, List<Subscription>> subscriptions = Map.of(
            "acme", List.of(new Subscription("s-acme", "acme", "payg-usd", LocalDate.parse("2026-01-01"), null, 1, null)),
            "daisy", List.of(new Subscription("s-daisy", "daisy", "daily-starter-usd", LocalDate.parse("2026-01-01"),
                    null, 1, null)));
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() throws IOException {
        jdbc = MigratedH2.create("late");
        Files.createDirectories(input.resolve("usage"));
    }

    private void usage(String name, String text) throws IOException {
        Files.writeString(input.resolve("usage").resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Runs the usage pipeline of one run as the usage step does, and marks a final run complete as the last step does. */
    private UsagePipeline.Result bill(long runId, String period, boolean isFinal, int threads, long partitionBytes)
            throws Exception {
        BillingPeriod billing = BillingPeriod.parse(period);
        Map<String, Long> finalRuns = JdbcUsageStore.finalRuns(jdbc, billing);
        JdbcUsageStore store = new JdbcUsageStore(jdbc, runId);
        store.clear();
        Path dir = Files.createTempDirectory(spill, "run");
        UsagePipeline.Result result = new UsagePipeline(
                new UsageClassifier(catalog, billing, subscriptions, finalRuns.keySet()),
                new UsagePipeline.Settings(threads, partitionBytes, dir), JdbcUsageStore.billedEvents(jdbc, finalRuns),
                isFinal).run(UsageFiles.list(input), store);
        jdbc.update("delete from billing_run where run_id = ?", runId);
        jdbc.update("insert into billing_run (run_id, period, mode, status) values (?, ?, ?, 'COMPLETED')", runId, period,
                isFinal ? "FINAL" : "DRAFT");
        return result;
    }

    private List<String> rejects(long runId) {
        return new JdbcReportQueries(jdbc).rejects(runId, input.resolve("usage")).stream()
                .map(r -> r.file() + ":" + r.line() + " " + r.eventId() + " " + r.reason()).toList();
    }

    private List<FileCounts> fileCounts(long runId) {
        return new JdbcReportQueries(jdbc).fileCounts(runId);
    }

    private BigDecimal total(long runId, String meter) {
        return jdbc.queryForObject("select coalesce(sum(quantity), 0) from usage_total where run_id = ? and meter = ?",
                BigDecimal.class, runId, meter);
    }

    /** The event ids a run recorded as billed, read back as a later run reads them, sorted. */
    private List<String> billed(long runId) throws IOException {
        List<String> ids = new ArrayList<>();
        JdbcUsageStore.billedEvents(jdbc, Map.of("p", runId)).forEach("p", (id, high, low) -> ids.add(id));
        return ids.stream().sorted().toList();
    }

    /** October's file: e1, e2 billed; e1 again (an exact duplicate); e3 of an unknown customer; s1 of September. */
    private void givenOctober() throws IOException {
        usage("2026-10-a.csv", HEADER
                + "e1,2026-10-05T10:00:00Z,acme,gpt-4o,100,10\n"  // line 2
                + "e2,2026-10-06T10:00:00Z,acme,gpt-4o,200,20\n"  // line 3
                + "e1,2026-10-05T10:00:00Z,acme,gpt-4o,100,10\n"  // line 4: duplicate
                + "e3,2026-10-07T10:00:00Z,ghost,gpt-4o,300,30\n" // line 5: unknown customer
                + "s1,2026-09-30T10:00:00Z,acme,gpt-4o,400,40\n"); // line 6: September, never billed final
    }

    /** After October is final: a late file and November's file. */
    private void givenNovember() throws IOException {
        usage("2026-10-late.csv", "model,customer_id,timestamp,event_id,output_tokens,input_tokens\n"
                + "gpt-4o,acme,2026-10-20T10:00:00Z,e4,1,7000\n"   // line 2: new October event: late
                + "gpt-4o,acme,2026-10-05T10:00:00Z,e1,10,100\n"   // line 3: e1 as billed (columns in another order)
                + "gpt-4o,acme,2026-10-06T10:00:00Z,e2,20,999\n"   // line 4: e2 with other content: conflict
                + "gpt-4o,acme,2026-10-20T10:00:00Z,e4,1,7000\n"); // line 5: e4 again: duplicate of line 2
        usage("2026-11.csv", HEADER
                + "n1,2026-11-02T10:00:00Z,acme,gpt-4o,5000,50\n"); // line 2
    }

    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of(1, 1 << 20), Arguments.of(2, 1 << 20), Arguments.of(4, 64), Arguments.of(3, 1));
    }

    @ParameterizedTest(name = "{0} threads, {1}-byte partitions")
    @MethodSource("layouts")
    void testOctoberFinalThenNovember_OnlyTheNewOctoberEventIsLate(int threads, long partitionBytes) throws Exception {
        // given October billed final
        givenOctober();
        bill(OCTOBER_RUN, "2026-10", true, threads, partitionBytes);
        assertThat(billed(OCTOBER_RUN)).as("what the October final billed").containsExactly("e1", "e2");

        // when November is billed from October's file, a late file and November's file
        givenNovember();
        UsagePipeline.Result november = bill(NOVEMBER_RUN, "2026-11", true, threads, partitionBytes);

        // then October's file: e1, e2 and e1 again are billed events (duplicates), e3 was rejected by October and
        // stays out of period, as does September's s1
        assertThat(fileCounts(NOVEMBER_RUN)).containsExactly(
                new FileCounts("2026-10-a.csv", 5, 0, 3, 0, 2, 0),
                new FileCounts("2026-10-late.csv", 4, 0, 2, 1, 0, 1),
                new FileCounts("2026-11.csv", 1, 1, 0, 0, 0, 0));
        assertThat(november.late()).isEqualTo(1);
        assertThat(rejects(NOVEMBER_RUN)).containsExactly(
                "2026-10-late.csv:2 e4 " + LATE_REASON,
                "2026-10-late.csv:4 e2 " + UsagePipeline.CONFLICT + "the final run of 2026-10 with different content");
        // and only November's n1 is billed
        assertThat(total(NOVEMBER_RUN, "input_tokens")).isEqualByComparingTo("5000");
        assertThat(total(NOVEMBER_RUN, "output_tokens")).isEqualByComparingTo("50");
        assertThat(billed(NOVEMBER_RUN)).containsExactly("n1");
    }

    @Test
    void testLateRejectCarriesItsRawRecord() throws Exception {
        givenOctober();
        bill(OCTOBER_RUN, "2026-10", true, 1, 1 << 20);
        givenNovember();

        bill(NOVEMBER_RUN, "2026-11", false, 1, 1 << 20);

        assertThat(new JdbcReportQueries(jdbc).rejects(NOVEMBER_RUN, input.resolve("usage")))
                .filteredOn(r -> r.eventId().equals("e4")).singleElement()
                .satisfies(r -> assertThat(r.raw()).isEqualTo("gpt-4o,acme,2026-10-20T10:00:00Z,e4,1,7000"));
        assertThat(billed(NOVEMBER_RUN)).as("a draft records nothing").isEmpty();
    }

    @Test
    void testOctoberDraftOnly_NovemberCountsOctoberOutOfPeriodAsBefore() throws Exception {
        givenOctober();
        bill(OCTOBER_RUN, "2026-10", false, 1, 1 << 20);
        givenNovember();

        bill(NOVEMBER_RUN, "2026-11", false, 1, 1 << 20);

        // every October row is out of period, and de-duplicated among the files as any row is
        assertThat(fileCounts(NOVEMBER_RUN)).containsExactly(
                new FileCounts("2026-10-a.csv", 5, 0, 1, 0, 4, 0),
                new FileCounts("2026-10-late.csv", 4, 0, 2, 1, 1, 0),
                new FileCounts("2026-11.csv", 1, 1, 0, 0, 0, 0));
    }

    @Test
    void testDailyRun_LateOnlyForDaysBilledFinalAndOnlyOnDailyPlans() throws Exception {
        // given October 20th billed final by a daily run: d1 (daisy, daily plan) billed; acme's row is not the daily
        // run's (monthly plan)
        usage("a.csv", HEADER
                + "d1,2026-10-20T08:00:00Z,daisy,gpt-4o-mini,1000,100\n"   // line 2
                + "m1,2026-10-20T09:00:00Z,acme,gpt-4o,1000,100\n");       // line 3
        bill(OCTOBER_RUN, "2026-10-20", true, 2, 64);
        assertThat(billed(OCTOBER_RUN)).containsExactly("d1");

        // when the 21st is billed with late rows of the 20th and a row of the 19th (never billed final)
        usage("b.csv", HEADER
                + "d2,2026-10-20T23:00:00Z,daisy,gpt-4o-mini,2000,200\n"   // line 2: late
                + "d1,2026-10-20T08:00:00Z,daisy,gpt-4o-mini,1000,100\n"   // line 3: duplicate of the billed d1
                + "m2,2026-10-20T23:30:00Z,acme,gpt-4o,1,1\n"              // line 4: monthly plan: out of period
                + "d0,2026-10-19T12:00:00Z,daisy,gpt-4o-mini,1,1\n"        // line 5: the 19th is not final
                + "d3,2026-10-21T00:00:00Z,daisy,gpt-4o-mini,3000,300\n"); // line 6: the 21st
        bill(NOVEMBER_RUN, "2026-10-21", true, 2, 64);

        // then
        assertThat(fileCounts(NOVEMBER_RUN)).containsExactly(
                new FileCounts("a.csv", 2, 0, 1, 0, 1, 0),
                new FileCounts("b.csv", 5, 1, 1, 0, 2, 1));
        assertThat(rejects(NOVEMBER_RUN)).containsExactly("b.csv:2 d2 late: period 2026-10-20 is already final"
                + " (bill it with 'run --period 2026-10-20 --final --correction')");
        assertThat(total(NOVEMBER_RUN, "input_tokens")).isEqualByComparingTo("3000");
    }

    @Test
    void testCorrectionRun_ItsBilledEventsReplaceTheCorrectedRunsForLaterRuns() throws Exception {
        // given October final, then e4 arrives and October is corrected (run 3 bills e4 too)
        givenOctober();
        bill(OCTOBER_RUN, "2026-10", true, 1, 1 << 20);
        usage("2026-10-late.csv", HEADER + "e4,2026-10-20T10:00:00Z,acme,gpt-4o,7000,1\n");
        bill(3, "2026-10", true, 1, 1 << 20);
        assertThat(billed(3)).containsExactly("e1", "e2", "e4");

        // when November reads the same files
        bill(NOVEMBER_RUN, "2026-11", true, 1, 1 << 20);

        // then nothing is late: e4 was billed by the correction
        assertThat(fileCounts(NOVEMBER_RUN)).containsExactly(
                new FileCounts("2026-10-a.csv", 5, 0, 3, 0, 2, 0),
                new FileCounts("2026-10-late.csv", 1, 0, 1, 0, 0, 0));
    }
}
