package dev.tokenbill.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.period.BillingPeriod;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crash-safety promise, tested on the real jar: a final run killed with SIGKILL in the middle
 * of a step, then {@code restart}ed, leaves exactly what an uninterrupted run leaves (invoices,
 * lines, numbers, credit applications, charges.csv, the PDFs' text). The same after an injected
 * failure (too many rejected rows) once its cause is removed. On an H2 file here; on PostgreSQL in
 * {@link CrashRestartPostgresEndToEndIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRestartEndToEndIT {

    @TempDir
    static Path work;

    Path input;
    RunSnapshot uninterrupted;

    /** The database every run of this class is on; each test case gets a new one. */
    EndToEndDatabase database() {
        return EndToEndDatabase.H2;
    }

    @BeforeAll
    void generateInputAndRunUninterrupted() throws Exception {
        // given: 250 customers, 40,000 events in 3 files, with some duplicates and bad rows
        input = work.resolve("input");
        SyntheticInput.write(input, new GeneratorSpec(250, 40_000, BillingPeriod.parse("2026-10"), 20261123L, 3, 0.002));
        Path dir = work.resolve("uninterrupted");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        TokenbillProcess.Result result = TokenbillProcess.run(dir, db, "run", "--period", "2026-10",
                "--final", "--input", input.toString(), "--output", dir.resolve("out").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        uninterrupted = RunSnapshot.of(db, dir.resolve("out/2026-10"));
        assertThat(uninterrupted.invoices()).hasSizeGreaterThan(100);
        assertThat(uninterrupted.pdfText()).hasSameSizeAs(uninterrupted.invoices());
    }

    /**
     * The kill comes {@code delayMillis} after {@code marker} appears in the output (default: the
     * step's start). readUsage is killed after a range has completed (it logs "usage pass 1:" when
     * the range's spill files are written), sumUsage after a bucket has; checkUsage while it stores.
     */
    @ParameterizedTest(name = "killed {2} ms after ''{1}'' in {0}")
    @MethodSource("killPoints")
    void killedMidStep_restart_givesTheUninterruptedResult(String step, String marker, long delayMillis) throws Exception {
        // given: a final run killed with SIGKILL while in the step
        Path dir = work.resolve("kill-" + step + (marker == null ? "" : "-marker"));
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        String out = dir.resolve("out").toString();
        TokenbillProcess run = TokenbillProcess.start(dir, db, "run", "--period", "2026-10", "--final", "--input",
                input.toString(), "--output", out);
        assertThat(run.awaitOutput("Executing step: [" + step + "]", 180_000)).as(run.output()).isTrue();
        if (marker != null) {
            assertThat(run.awaitOutput(marker, 60_000)).as(run.output()).isTrue();
        }
        Thread.sleep(delayMillis);
        assertThat(run.isAlive()).as("the run ended before it could be killed:\n" + run.output()).isTrue();
        run.kill();

        // when: the operator restarts the period
        TokenbillProcess.Result restart = TokenbillProcess.run(dir, db, "restart", "--period", "2026-10");

        // then: it recovers the dead execution and finishes with exactly the uninterrupted result
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("left STARTED by a process that died");
        RunSnapshot restarted = RunSnapshot.of(db, dir.resolve("out/2026-10"));
        assertSameAsUninterrupted(restarted);
        try (var files = Files.list(dir.resolve("out/2026-10/invoices"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** Where the run is killed: in every step (step, marker in the output or empty for the step's start, delay). */
    Stream<Arguments> killPoints() {
        return Stream.of(Arguments.of("readUsage", "usage pass 1:", 0L), Arguments.of("readUsage", null, 150L),
                Arguments.of("sumUsage", "usage pass 2:", 0L), Arguments.of("checkUsage", null, 100L),
                Arguments.of("rateCustomers", null, 300L), Arguments.of("numberInvoices", null, 0L),
                Arguments.of("renderInvoices", null, 600L), Arguments.of("writeReports", null, 50L));
    }

    @Test
    void tooManyRejects_thenLimitRaised_restart_givesTheUninterruptedResult() throws Exception {
        assumeTrue(database() == EndToEndDatabase.H2, "the reject limit does not depend on the database: on H2 only (CI time)");
        // given: a run that fails because any rejected row is too many
        Path dir = work.resolve("reject-limit");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        TokenbillProcess.Result failed = TokenbillProcess.run(dir, db, "run", "--period", "2026-10", "--final",
                "--input", input.toString(), "--output", dir.resolve("out").toString(), "--tokenbill.max-rejects=0");
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(2);
        assertThat(failed.output()).contains("failed in step checkUsage").contains("usage rows were rejected")
                .doesNotContain("Exception");
        assertThat(dir.resolve("out/2026-10/rejects.csv")).exists();

        // when: the cause is removed (the default limit applies again) and the run restarted
        TokenbillProcess.Result restart = TokenbillProcess.run(dir, db, "restart", "--period", "2026-10");

        // then
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertSameAsUninterrupted(RunSnapshot.of(db, dir.resolve("out/2026-10")));
    }

    @Test
    void finalPeriod_isNotBilledTwice_andACorrectionKeepsNumbersGapless() throws Exception {
        // given: a period billed final
        Path dir = work.resolve("correction");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        String out = dir.resolve("out").toString();
        String[] finalRun = {"run", "--period", "2026-10", "--final", "--input", input.toString(), "--output", out};
        assertThat(TokenbillProcess.run(dir, db, finalRun).exitCode()).isZero();

        // when: billed final again, then corrected
        TokenbillProcess.Result again = TokenbillProcess.run(dir, db, finalRun);
        TokenbillProcess.Result correction = TokenbillProcess.run(dir, db, "run", "--period", "2026-10", "--final",
                "--correction", "--input", input.toString(), "--output", out);

        // then: the second final run is refused; the correction voids the first invoices and numbers on
        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(again.output()).contains("already billed final");
        assertThat(correction.exitCode()).as(correction.output()).isZero();
        RunSnapshot after = RunSnapshot.of(db, dir.resolve("out/2026-10"));
        int n = uninterrupted.invoices().size();
        assertThat(after.invoices()).hasSize(2 * n);
        assertThat(after.invoices().stream().filter(r -> r.contains("|VOID|"))).hasSize(n);
        // and a credit note for each voided invoice, in its own series, with its own PDF (issue 17)
        assertThat(after.sequence()).containsExactly("credit_note|" + (n + 1) + "|", "invoice|" + (2 * n + 1) + "|");
        assertThat(after.pdfText()).hasSize(2 * n);
        assertThat(dev.tokenbill.testsupport.RunOutput.fileNames(dir.resolve("out/2026-10/credit-notes"))).hasSize(n);
    }

    @Test
    void secondRunOfAPeriod_whileTheFirstRuns_isRefused() throws Exception {
        // given: a run of the period in progress
        Path dir = work.resolve("concurrent");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        TokenbillProcess first = TokenbillProcess.start(dir, db, "run", "--period", "2026-10", "--input",
                input.toString(), "--output", dir.resolve("out").toString());
        assertThat(first.awaitOutput("Executing step: [readUsage]", 180_000)).as(first.output()).isTrue();
        // frozen there (SIGSTOP) so that it is still running when the second has started, however long a JVM takes
        // to start on a busy machine (with 40,000 events the first could otherwise finish first)
        first.signal("STOP");

        // when: another run of the same period starts
        TokenbillProcess.Result second;
        try {
            second = TokenbillProcess.run(dir, db, "run", "--period", "2026-10", "--input", input.toString(),
                    "--output", dir.resolve("out2").toString());
        } finally {
            first.signal("CONT");
        }

        // then: it is refused with the reason, and the first finishes undisturbed
        assertThat(second.exitCode()).as(second.output()).isEqualTo(4);
        assertThat(second.output()).contains("already running");
        assertThat(first.awaitOutput("completed", 300_000)).as(first.output()).isTrue();
    }

    void assertSameAsUninterrupted(RunSnapshot actual) {
        assertThat(actual.invoices()).containsExactlyElementsOf(uninterrupted.invoices());
        assertThat(actual.lines()).containsExactlyElementsOf(uninterrupted.lines());
        assertThat(actual.tiers()).containsExactlyElementsOf(uninterrupted.tiers());
        assertThat(actual.credits()).containsExactlyElementsOf(uninterrupted.credits());
        assertThat(actual.sequence()).containsExactlyElementsOf(uninterrupted.sequence());
        assertThat(actual.charges()).isEqualTo(uninterrupted.charges());
        assertThat(actual.pdfText()).isEqualTo(uninterrupted.pdfText());
    }
}
