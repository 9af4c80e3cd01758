package dev.tokenbill.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.cli.GenerateCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int generate(String... args) {
        CommandLine cli = GenerateCommand.standalone();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void testGenerate_WritesTheFilesAndOneSummaryLine() {
        // when
        int exit = generate("--customers", "50", "--events", "3000", "--period", "2026-10", "--seed", "9",
                "--output", tmp.toString(), "--files", "2", "--bad-rate", "0.01");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("generated " + tmp + ": 2 usage files, ").contains("(3,000 events + ")
                .containsOnlyOnce("\n");
        assertThat(tmp.resolve("usage/part-0002.csv")).exists();
        assertThat(Files.exists(tmp.resolve("customers.csv.tmp"))).isFalse();
    }

    @Test
    void testGenerate_AMalformedPeriodIsAUsageError() {
        // when
        int exit = generate("--customers", "10", "--events", "5", "--period", "2026-13", "--seed", "1",
                "--output", tmp.toString());

        // then: 64, the usage-error code of every command
        assertThat(exit).isEqualTo(64);
        assertThat(err.toString()).startsWith("tokenbill generate: Invalid value for option '--period'")
                .contains("period must be YYYY-MM");
    }

    @Test
    void testGenerate_AnOutOfRangeCountIsAUsageError() {
        // when
        int exit = generate("--customers", "0", "--events", "5", "--period", "2026-10", "--seed", "1",
                "--output", tmp.toString());

        // then
        assertThat(exit).isEqualTo(64);
        assertThat(err.toString()).startsWith("tokenbill generate: --customers must be between 1 and 10,000,000, got 0");
    }

    @Test
    void testGenerate_IntoADirectoryHoldingOtherFilesIsRefused() throws Exception {
        // given
        Files.writeString(tmp.resolve("notes.txt"), "mine");

        // when
        int exit = generate("--customers", "10", "--events", "5", "--period", "2026-10", "--seed", "1",
                "--output", tmp.toString());

        // then: 4, refused, and the file is untouched
        assertThat(exit).isEqualTo(4);
        assertThat(err.toString()).startsWith("tokenbill: ").contains("is not empty").containsOnlyOnce("\n");
        assertThat(tmp.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void testHelp_NamesTheExecutableCommand() {
        // when
        int exit = generate("--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: tokenbill generate ").contains("--seed");
    }

    @Test
    void testGenerate_AnUnwritableOutputExitsOneWithOneLine() throws Exception {
        // given: the output is a file, not a directory
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");

        // when
        int exit = generate("--customers", "10", "--events", "50", "--period", "2026-10", "--seed", "1",
                "--output", file.toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("tokenbill: ").contains("not-a-dir").containsOnlyOnce("\n");
    }
}
