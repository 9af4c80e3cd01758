package dev.tokenbill.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line on the real jar: --help and --version answer without Spring or a database, usage errors exit 64,
 * and restart and status print operator sentences, never Spring Batch's object dumps. On an H2 file here; on
 * PostgreSQL in {@link CommandLinePostgresEndToEndIT}.
 */
class CommandLineEndToEndIT {

    /** What Spring Batch's toString dumps look like; none may reach the console. */
    private static final List<String> FRAMEWORK_DUMPS = List.of("JobExecution", "StepExecution", "JobParameters{",
            "JobParameter{", "JobInstance:", "\tat ");

    @TempDir
    Path work;

    /** The database the jar is pointed at; each test case gets a new one. */
    EndToEndDatabase database() {
        return EndToEndDatabase.H2;
    }

    @ParameterizedTest(name = "tokenbill {0}")
    @CsvSource({"--help, Usage: tokenbill [-hV] [COMMAND]", "run --help, Usage: tokenbill run ",
            "restart --help, Usage: tokenbill restart ", "status --help, Usage: tokenbill status ",
            "--version, tokenbill 0.1.0"})
    void testHelpAndVersion_AnswerWithoutCreatingADatabase(String args, String expected) throws Exception {
        // given: an empty working directory, the database configured inside it
        assumeTrue(database() == EndToEndDatabase.H2, "opens no database: checked once, on H2");
        Path dir = work.resolve("empty");

        // when
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        TokenbillProcess.Result result = TokenbillProcess.runPlain(dir, db, args.split(" "));

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).startsWith(expected);
        assertOnlyTheCapturedOutputIn(dir);
        assertThat(db.isUntouched()).as("no database created or migrated").isTrue();
    }

    @ParameterizedTest(name = "tokenbill {0}")
    @CsvSource(delimiter = '|', value = {"| tokenbill: a command is needed",
            "run --period 2026-13 --final | tokenbill run: Invalid value for option '--period': period must be YYYY-MM",
            "run --period 2026-10 --bogus | tokenbill run: Unknown option: '--bogus'",
            "restart --period 2026-10 --input x | tokenbill restart: restart takes no --input or --output: it resumes"
                    + " the run with the input and output directories it was started with"})
    void testUsageErrors_ExitSixtyFourWithAClearLine(String args, String expected) throws Exception {
        // given
        assumeTrue(database() == EndToEndDatabase.H2, "opens no database: checked once, on H2");
        Path dir = work.resolve("empty");

        // when
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        TokenbillProcess.Result result = TokenbillProcess.runPlain(dir, db, args == null ? new String[0] : args.split(" "));

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(64);
        assertThat(result.output()).startsWith(expected).contains("Usage: tokenbill");
        assertOnlyTheCapturedOutputIn(dir);
        assertThat(db.isUntouched()).as("no database created or migrated").isTrue();
    }

    @Test
    void testRestartAndStatus_PrintSentencesNotFrameworkDumps() throws Exception {
        // given: a run that fails in its first step (no input directory)
        Path dir = work.resolve("failed");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        String[] run = {"run", "--period", "2026-10", "--input", dir.resolve("missing").toString(), "--output",
                dir.resolve("out").toString()};
        assertThat(TokenbillProcess.runPlain(dir, db, run).exitCode()).isEqualTo(2);

        // when
        TokenbillProcess.Result restart = TokenbillProcess.runPlain(dir, db, "restart", "--period", "2026-10");
        TokenbillProcess.Result status = TokenbillProcess.runPlain(dir, db, "status");

        // then: the restart says what it resumed and that it failed again (2); status has one line per execution
        assertThat(restart.exitCode()).as(restart.output()).isEqualTo(2);
        assertThat(restart.output()).contains("tokenbill: resumed the draft run of 2026-10 (run 1) from its last"
                + " checkpoint as execution 2").contains("tokenbill: draft run of 2026-10 failed in step"
                + " validateInputs: ").contains("(resume with 'tokenbill restart --period 2026-10')");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).containsPattern("(?m)^2026-10 draft  run 1  execution 1  FAILED in validateInputs at"
                        + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d: .*missing.*; resumed by a later execution$")
                .containsPattern("(?m)^2026-10 draft  run 1  execution 2  FAILED in validateInputs at .*; resume with"
                        + " 'tokenbill restart --period 2026-10'$")
                .containsPattern("(?m)^    validateInputs +FAILED +read 0  written 0  skipped 0  commits 0 ");
        for (String dump : FRAMEWORK_DUMPS) {
            assertThat(restart.output()).as("restart output").doesNotContain(dump);
            assertThat(status.output()).as("status output").doesNotContain(dump);
        }
    }

    /** No database, no ./data, no log: the working directory holds only the test's capture of the output. */
    private static void assertOnlyTheCapturedOutputIn(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("stdout"));
        }
    }
}
