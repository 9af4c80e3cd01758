package dev.tokenbill.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.period.BillingPeriod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The graceful-stop promise, tested on the real jar: SIGTERM in the middle of a step ends the process with exit
 * code 3 within 10 s, the execution recorded STOPPED (restart does not need to recover it); {@code restart} resumes
 * from the last committed chunk and leaves exactly what an uninterrupted run leaves.
 *
 * <p>Chunks of 10 make many chunks out of a small input; one thread runs the partitions of a step one after the
 * other. The signal waits for the step's chunk commits, seen in the transaction manager's debug log, so "resumed" is
 * certain rather than a race. On an H2 file here; on PostgreSQL in {@link SigtermPostgresEndToEndIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigtermEndToEndIT {

    private static final int CUSTOMERS = 300;
    private static final int CHUNK = 10;
    private static final String[] SETTINGS = {"--tokenbill.rating-chunk-size=" + CHUNK,
            "--tokenbill.render-chunk-size=" + CHUNK, "--tokenbill.threads=1", "--logging.level.org.springframework.jdbc.support.JdbcTransactionManager=DEBUG"};
    private static final String COMMIT = "Committing JDBC transaction";

    @TempDir
    static Path work;

    Path input;
    RunSnapshot uninterrupted;
    String uninterruptedRunJson;

    /** The database every run of this class is on; each test case gets a new one. */
    EndToEndDatabase database() {
        return EndToEndDatabase.H2;
    }

    @BeforeAll
    void generateInputAndRunUninterrupted() throws Exception {
        // given: 300 customers, 20,000 events in 2 files, with some duplicates and bad rows
        input = work.resolve("input");
        SyntheticInput.write(input, new GeneratorSpec(CUSTOMERS, 20_000, BillingPeriod.parse("2026-10"), 7L, 2, 0.001));
        Path dir = work.resolve("uninterrupted");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        TokenbillProcess.Result result = TokenbillProcess.run(dir, db, args("run", "--period", "2026-10",
                "--final", "--input", input.toString(), "--output", dir.resolve("out").toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        uninterrupted = RunSnapshot.of(db, dir.resolve("out/2026-10"));
        uninterruptedRunJson = runJsonUpToJvm(dir.resolve("out/2026-10"));
        assertThat(uninterrupted.invoices()).hasSizeGreaterThan(200);
    }

    /** readUsage is signalled as it starts: its pipeline then notices the stop within a fraction of a second. */
    /** The steps signalled (step, chunk commits to wait for): the usage steps and both partitioned chunk steps. */
    Stream<Arguments> signalPoints() {
        return Stream.of(Arguments.of("readUsage", 0), Arguments.of("rateCustomers", 2), Arguments.of("renderInvoices", 2));
    }

    @ParameterizedTest(name = "SIGTERM in {0} after {1} chunk commits")
    @MethodSource("signalPoints")
    void sigterm_exits3Within10s_restartResumesAndGivesTheUninterruptedResult(String step, int commits) throws Exception {
        // given: a final run in the step, `commits` of its chunks committed
        Path dir = work.resolve("sigterm-" + step);
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        TokenbillProcess run = TokenbillProcess.start(dir, db, args("run", "--period", "2026-10", "--final", "--input",
                input.toString(), "--output", dir.resolve("out").toString()));
        // rating and rendering are partitioned: count the commits of their first partition (on one thread the
        // partitions run one after the other, so these are its chunk commits; the next partitions then start stopped)
        String marker = "Executing step: [" + step + (step.equals("readUsage") ? "]" : "Partition:partition0]");
        assertThat(run.awaitOutput(marker, 180_000)).as(run.output()).isTrue();
        long deadline = System.currentTimeMillis() + 120_000;
        while (occurrences(after(run.output(), marker), COMMIT) < commits && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(after(run.output(), marker)).as("the step ended before the signal").doesNotContain("Step: [" + step + "] executed");

        // when: SIGTERM
        TokenbillProcess.Terminated stopped = run.terminate(30);

        // then: exit 3 within 10 s, the run stopped in that step
        System.out.printf("SIGTERM in %s: exit %d after %d ms%n", step, stopped.exitCode(), stopped.millis());
        assertThat(stopped.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(stopped.millis()).as("milliseconds from SIGTERM to exit").isLessThan(10_000);
        assertThat(run.output()).contains("stopped in step " + step).contains("restart --period 2026-10");

        // when: the operator restarts the period
        TokenbillProcess.Result restart = TokenbillProcess.run(dir, db, args("restart", "--period", "2026-10"));

        // then: it resumes (no recovery needed: the execution was recorded STOPPED) and ends as if never stopped
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).doesNotContain("left STARTED");
        int invoices = uninterrupted.invoices().size();
        switch (step) {
            case "rateCustomers" -> assertThat(toDo(restart.output(), "rateCustomers", "customers"))
                    .isLessThanOrEqualTo(CUSTOMERS - commits * CHUNK);
            case "renderInvoices" -> assertThat(toDo(restart.output(), "renderInvoices", "invoices"))
                    .isLessThanOrEqualTo(invoices - commits * CHUNK);
            default -> assertThat(restart.output()).contains("Executing step: [readUsage]");
        }
        RunSnapshot restarted = RunSnapshot.of(db, dir.resolve("out/2026-10"));
        assertThat(restarted.invoices()).containsExactlyElementsOf(uninterrupted.invoices());
        assertThat(restarted.lines()).containsExactlyElementsOf(uninterrupted.lines());
        assertThat(restarted.tiers()).containsExactlyElementsOf(uninterrupted.tiers());
        assertThat(restarted.credits()).containsExactlyElementsOf(uninterrupted.credits());
        assertThat(restarted.sequence()).containsExactlyElementsOf(uninterrupted.sequence());
        assertThat(restarted.charges()).isEqualTo(uninterrupted.charges());
        assertThat(restarted.pdfText()).isEqualTo(uninterrupted.pdfText());
        assertThat(runJsonUpToJvm(dir.resolve("out/2026-10"))).isEqualTo(uninterruptedRunJson);
        try (var files = Files.list(dir.resolve("out/2026-10/invoices"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static String[] args(String... command) {
        String[] all = new String[command.length + SETTINGS.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(SETTINGS, 0, all, command.length, SETTINGS.length);
        return all;
    }

    /** run.json before its "jvm" section: files, invoice numbers, totals per currency, reconciliation (no timings). */
    private static String runJsonUpToJvm(Path periodDir) throws Exception {
        String json = Files.readString(periodDir.resolve("run.json"));
        return json.substring(0, json.indexOf("\"jvm\""));
    }

    /** The amount of work a step announced as it started ("rateCustomers: 280 customers to do"). */
    private static long toDo(String output, String step, String items) {
        Matcher m = Pattern.compile(Pattern.quote(step) + ": (\\d+) " + items + " to do").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String after(String output, String marker) {
        int at = output.indexOf(marker);
        return at < 0 ? "" : output.substring(at);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
