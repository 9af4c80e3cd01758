package dev.tokenbill.job;

import static dev.tokenbill.testsupport.RunOutput.csv;
import static dev.tokenbill.testsupport.RunOutput.json;
import static dev.tokenbill.testsupport.RunOutput.pdfText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Late usage end to end on PostgreSQL, with the 'money' fixture (October and November 2026 in one usage directory, see
 * {@link MoneySideFunctionalTests}): October billed final, then November from the same directory plus a file with a
 * new October event (late), an exact copy of a billed October event (a duplicate) and a billed event id with changed
 * content (a conflict). November must bill exactly what it bills from November's rows alone.
 */
@BillingJobTest
class LateUsageFunctionalTests {

    private static final String OCTOBER = "2026-10";
    private static final String NOVEMBER = "2026-11";
    private static final String LATE_FILE = "e-late.csv";

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path work;

    private final Path money = Fixtures.input("money");

    @BeforeEach
    void startFromAnEmptyDatabase() {
        BillingDatabase.reset(jdbc);
    }

    @Test
    void octoberFinalThenNovember_OnlyTheNewOctoberEventIsLateAndNovemberIsBilledAsFromItsOwnRows() throws Exception {
        // given the reference: October final, then November from November's rows alone
        Path novemberOnly = copyOf(money, work.resolve("november-only"), line -> line.contains(",2026-11-"));
        assertThat(runs.start(OCTOBER, true, money, work.resolve("reference")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JobExecution reference = runs.start(NOVEMBER, true, novemberOnly, work.resolve("reference"));
        assertThat(reference.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> referenceInvoices = invoices(reference);
        List<String> referenceLines = lines(reference);
        BillingDatabase.reset(jdbc);

        // and October billed final again from the whole directory
        Path input = copyOf(money, work.resolve("input"), line -> true);
        Path output = work.resolve("output");
        assertThat(runs.start(OCTOBER, true, input, output).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Files.writeString(input.resolve("usage").resolve(LATE_FILE),
                "event_id,timestamp,customer_id,model,input_tokens,output_tokens\n"
                        + "x-001,2026-10-21T10:00:00.000Z,acme,gpt-4o,1000000,0\n"                // line 2: new: late
                        + "e-003,2026-10-05T10:15:00.000Z,acme,gpt-4o,500000,100000\n"            // line 3: as a.csv:6
                        + "e-004,2026-10-07T12:00:00.000Z,bluefin,gpt-4o-mini,2000001,400000\n",  // line 4: a.csv:7 changed
                StandardCharsets.UTF_8);

        // when November is billed from October's files, the late file and November's rows
        JobExecution november = runs.start(NOVEMBER, true, input, output);

        // then
        assertThat(november.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path dir = output.resolve(NOVEMBER);
        JsonNode late = file(json(dir.resolve("run.json")), LATE_FILE);
        assertThat(late.get("rows_read").asLong()).isEqualTo(3);
        assertThat(late.get("accepted").asLong()).isZero();
        assertThat(late.get("duplicates").asLong()).isEqualTo(1);
        assertThat(late.get("rejected").asLong()).isEqualTo(1);
        assertThat(late.get("out_of_period").asLong()).isZero();
        assertThat(late.get("late").asLong()).isEqualTo(1);
        // a.csv: September's e-001 out of period, its ten October rows billed by October: duplicates
        JsonNode a = file(json(dir.resolve("run.json")), "a.csv");
        assertThat(List.of(a.get("rows_read").asLong(), a.get("accepted").asLong(), a.get("duplicates").asLong(),
                a.get("rejected").asLong(), a.get("out_of_period").asLong(), a.get("late").asLong()))
                .containsExactly(11L, 0L, 10L, 0L, 1L, 0L);
        assertThat(csv(dir.resolve("rejects.csv"))).extracting(r -> r.get("file") + ":" + r.get("line") + " "
                + r.get("reason")).containsExactly(
                        LATE_FILE + ":2 late: period 2026-10 is already final (bill it with 'run --period 2026-10 --final"
                                + " --correction')",
                        LATE_FILE + ":4 conflicting duplicate: event_id already used by the final run of 2026-10 with"
                                + " different content");
        assertThat(csv(dir.resolve("summary.csv"))).filteredOn(r -> r.get("name").equals(LATE_FILE)
                && r.get("metric").equals("late")).extracting(r -> r.get("value")).containsExactly("1");
        assertThat(pdfText(dir.resolve("summary.pdf"))).contains("Late").contains("+ out of period + late");
        // and November's invoices and lines are those billed from November's rows alone (acme: 22.61, as in
        // MoneySideFunctionalTests)
        assertThat(invoices(november)).isEqualTo(referenceInvoices)
                .contains("acme TB-000006 21.0000 2.0000 3.6100 22.6100 7.7200 14.8900");
        assertThat(lines(november)).isEqualTo(referenceLines);
    }

    private static JsonNode file(JsonNode run, String name) {
        for (JsonNode f : run.get("files")) {
            if (f.get("file").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no " + name + " in run.json");
    }

    private List<String> invoices(JobExecution run) {
        return jdbc.queryForList("select customer_id || ' ' || invoice_number || ' ' || subtotal || ' ' || discounts"
                + " || ' ' || tax || ' ' || total || ' ' || credits || ' ' || amount_due from invoice where run_id = ?"
                + " order by customer_id", String.class, run.getJobInstanceId());
    }

    private List<String> lines(JobExecution run) {
        return jdbc.queryForList("select customer_id || ' ' || position || ' ' || kind || ' ' || description || ' '"
                + " || coalesce(cast(quantity as varchar), '') || ' ' || amount from invoice_line where run_id = ?"
                + " order by customer_id, position", String.class, run.getJobInstanceId());
    }

    /** A copy of an input directory whose usage files keep their header and the rows {@code keep} accepts. */
    private static Path copyOf(Path from, Path to, java.util.function.Predicate<String> keep) throws IOException {
        Files.createDirectories(to.resolve("usage"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
        try (Stream<Path> files = Files.list(from.resolve("usage"))) {
            for (Path f : files.toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                List<String> kept = new ArrayList<>(List.of(lines.get(0)));
                lines.stream().skip(1).filter(keep).forEach(kept::add);
                if (kept.size() > 1) {
                    Files.write(to.resolve("usage").resolve(f.getFileName().toString()), kept, StandardCharsets.UTF_8);
                }
            }
        }
        return to;
    }
}
