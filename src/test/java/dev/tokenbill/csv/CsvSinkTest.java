package dev.tokenbill.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Output CSV hygiene: formula neutralising (OWASP CSV injection), RFC 4180 quoting, atomic commit. */
class CsvSinkTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-cmd|' /C calc'!A0", "@SUM(A1:A9)",
            "\t=x", "\r=x", "=1", "+", "-", "-12.5e3", "+3.", "-.5", "- 5"})
    void testFormulaLikeCell_GetsALeadingQuote(String cell) {
        assertThat(CsvSink.neutralise(cell)).isEqualTo("'" + cell);
    }

    @Test
    void testHyperlinkFormula() {
        assertThat(CsvSink.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-12.5", "+3", "-0.01", "12", "0", "+100.0000000025", "", "plain text", "'quoted",
            "a=b", "x+1", "cobalt-voice", " =leading space is not a formula start here"})
    void testPlainNumbersAndText_StayAsTheyAre(String cell) {
        assertThat(CsvSink.neutralise(cell)).isEqualTo(cell);
    }

    @Test
    void testWrittenFile_ReadsBackWithOpencsv() throws IOException {
        Path target = dir.resolve("out/rejects.csv");
        String address = "Attn: AP\n2200 Larkin Avenue, Floor 3\r\nAustin, TX";
        try (CsvSink sink = new CsvSink(target, "file", "line", "reason", "raw")) {
            sink.row("a.csv", 2, "=HYPERLINK(\"x\")", "e1,\"quoted\",x");
            sink.row("b.csv", 3L, new BigDecimal("-12.5"), address);
            sink.row("c.csv", null, "@SUM(A1)", "back\\slash\\");
            sink.row("d.csv", 5, "\u202Eevil\u202C", "-cmd");
            sink.commit();
        }

        List<String[]> rows = readBack(target);

        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsExactly("file", "line", "reason", "raw");
        assertThat(rows.get(1)).containsExactly("a.csv", "2", "'=HYPERLINK(\"x\")", "e1,\"quoted\",x");
        assertThat(rows.get(2)).containsExactly("b.csv", "3", "-12.5", address);
        assertThat(rows.get(3)).containsExactly("c.csv", "", "'@SUM(A1)", "back\\slash\\");
        assertThat(rows.get(4)).containsExactly("d.csv", "5", "\u202Eevil\u202C", "'-cmd");
        assertThat(dir.resolve("out/rejects.csv.tmp")).doesNotExist();
    }

    @Test
    void testUncommittedSink_LeavesNoFile() throws IOException {
        Path target = dir.resolve("charges.csv");
        try (CsvSink sink = new CsvSink(target, "a")) {
            sink.row("1");
        }

        assertThat(target).doesNotExist();
        assertThat(dir.resolve("charges.csv.tmp")).doesNotExist();
    }

    @Test
    void testCommit_ReplacesAnEarlierFile() throws IOException {
        Path target = dir.resolve("charges.csv");
        Files.writeString(target, "old\n");
        try (CsvSink sink = new CsvSink(target, "a")) {
            sink.row("new");
            sink.commit();
        }

        assertThat(Files.readString(target)).isEqualTo("a\nnew\n");
    }

    /** An RFC 4180 reader that keeps carriage returns, so the round trip is exact. */
    private static List<String[]> readBack(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader reader = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build())
                        .withKeepCarriageReturn(true).build()) {
            for (String[] row : reader) {
                rows.add(row);
            }
        }
        return rows;
    }
}
