package dev.tokenbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.job.BillingRuns;
import dev.tokenbill.job.partition.remote.RemoteSettingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command line without Spring: help, version and usage errors answer from the picocli model alone and never ask
 * for the billing runs (which would start Spring and open the database). Exit codes as the lead decided: 0 success,
 * 1 unexpected, 2 failed, 3 stopped, 4 refused, 64 usage error.
 */
class TokenbillCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private int runsAsked;
    private Supplier<BillingRuns> runs = () -> {
        runsAsked++;
        throw new AssertionError("the billing runs (Spring, the database) were asked for");
    };

    private int tokenbill(String... args) {
        CommandLine cli = TokenbillCli.commandLine(() -> runs.get());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(TokenbillCli.withoutSpringProperties(args));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "restart", "status", "stop", "generate", "worker"})
    void testHelp_OfEachCommand_ExitsZeroWithUsageAndExitCodes_WithoutTheRuns(String command) {
        // when
        int exit = tokenbill(command, "--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: tokenbill " + command + " ").contains("Exit codes:")
                .containsPattern("(?m)^ +0 +success$").containsPattern("(?m)^ +64 +usage error");
        assertThat(err.toString()).isEmpty();
        assertThat(runsAsked).isZero();
    }

    @Test
    void testHelp_OfARun_ListsEveryExitCode() {
        // when
        tokenbill("run", "--help");

        // then: the six codes, in order
        assertThat(out.toString()).containsSubsequence(" 0   success", " 1   unexpected error", " 2   the run failed",
                " 3   the run was stopped", " 4   the request was refused", "64   usage error");
    }

    @Test
    void testTopLevelHelpAndVersion_ExitZero() {
        assertThat(tokenbill("--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: tokenbill [-hV] [COMMAND]").contains("restart").contains("generate");
        assertThat(tokenbill("--version")).isZero();
        assertThat(out.toString()).contains("tokenbill 0.1.0");
        assertThat(runsAsked).isZero();
    }

    @Test
    void testNoArguments_PrintsTheUsageToStderr_ExitsSixtyFour() {
        // when
        int exit = tokenbill();

        // then
        assertThat(exit).isEqualTo(64);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("tokenbill: a command is needed").contains("Usage: tokenbill [-hV] [COMMAND]")
                .contains("Commands:").doesNotContain("<init>");
    }

    @Test
    void testUnknownOption_ExitsSixtyFourWithOneClearLine() {
        // when
        int exit = tokenbill("run", "--period", "2026-10", "--bogus");

        // then
        assertThat(exit).isEqualTo(64);
        assertThat(err.toString()).startsWith("tokenbill run: Unknown option: '--bogus'")
                .contains("Usage: tokenbill run ").contains("See 'tokenbill run --help'");
        assertThat(runsAsked).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-10-32", "October", "2026-1"})
    void testMalformedPeriod_ExitsSixtyFour_BeforeAnythingStarts(String period) {
        // when
        int exit = tokenbill("run", "--period", period, "--final");

        // then
        assertThat(exit).isEqualTo(64);
        assertThat(err.toString()).startsWith("tokenbill run: Invalid value for option '--period'")
                .contains("period must be YYYY-MM (a month) or YYYY-MM-DD (a day), got '" + period + "'");
        assertThat(runsAsked).isZero();
    }

    @Test
    void testMissingPeriod_ExitsSixtyFour() {
        assertThat(tokenbill("run", "--final")).isEqualTo(64);
        assertThat(err.toString()).startsWith("tokenbill run: Missing required option: '--period=PERIOD'");
    }

    @Test
    void testCorrectionWithoutFinal_IsAUsageError() {
        // when
        int exit = tokenbill("run", "--period", "2026-10", "--correction");

        // then
        assertThat(exit).isEqualTo(64);
        assertThat(err.toString()).startsWith("tokenbill run: --correction applies to final runs only (add --final)");
        assertThat(runsAsked).isZero();
    }

    @Test
    void testDraftAndFinalTogether_IsAUsageError() {
        assertThat(tokenbill("run", "--period", "2026-10", "--draft", "--final")).isEqualTo(64);
        assertThat(err.toString()).startsWith("tokenbill run: ").contains("mutually exclusive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--input", "--output"})
    void testRestart_WithADirectory_IsAUsageErrorThatSaysWhy(String option) {
        // when
        int exit = tokenbill("restart", "--period", "2026-10", option, "x");

        // then
        assertThat(exit).isEqualTo(64);
        assertThat(err.toString()).startsWith("tokenbill restart: restart takes no --input or --output: it resumes the"
                + " run with the input and output directories it was started with");
        assertThat(runsAsked).isZero();
    }

    @Test
    void testRestartHelp_SaysItTakesNoDirectories() {
        tokenbill("restart", "--help");

        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("resumes the run with the input and output directories it was started with")
                .doesNotContain("--input=").doesNotContain("--output=");
    }

    @Test
    void testSpringSettings_AreNotOptions() {
        assertThat(tokenbill("--spring.datasource.url=jdbc:h2:mem:x", "status", "--help", "--tokenbill.threads=2")).isZero();
    }

    @Test
    void testARefusalWhileStarting_ExitsFour() {
        // given: Spring refuses to start (the H2 file is held by another process)
        runs = () -> {
            throw new BillingRuns.RunRefusedException("the database is in use by another tokenbill process");
        };

        // when
        int exit = tokenbill("status");

        // then
        assertThat(exit).isEqualTo(4);
        assertThat(err.toString()).isEqualTo("tokenbill: the database is in use by another tokenbill process\n");
    }

    @Test
    void testAMissingRemoteSetting_ExitsSixtyFourNamingIt() {
        // given: remote mode without the broker password (the check runs when Spring starts)
        CommandLine cli = TokenbillCli.commandLine(() -> runs.get(), () -> {
            throw new RemoteSettingException("a worker needs the broker password: set tokenbill.remote.password"
                    + " (TOKENBILL_BROKER_PASSWORD)");
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        // when
        int exit = cli.execute("worker");

        // then
        assertThat(exit).isEqualTo(64);
        assertThat(err.toString()).isEqualTo("tokenbill: a worker needs the broker password: set"
                + " tokenbill.remote.password (TOKENBILL_BROKER_PASSWORD)\n");
    }

    @Test
    void testRunAndRestart_OfferRemote() {
        tokenbill("run", "--help");
        tokenbill("restart", "--help");

        assertThat(out.toString().split("--remote +Send the partitions of the partitioned steps to", -1)).hasSize(3);
    }

    @Test
    void testAnUnexpectedError_ExitsOneWithOneLine() {
        // given
        runs = () -> {
            throw new IllegalStateException("cannot start: Connection refused (details in the log)",
                    new RuntimeException("inner\n  detail"));
        };

        // when
        int exit = tokenbill("stop", "--period", "2026-10");

        // then: the innermost message, on one line
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("tokenbill: inner detail\n");
    }
}
