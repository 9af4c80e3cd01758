package dev.tokenbill.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File-level rules of {@link CsvSource}: every problem is an {@link InputFileException} whose
 * message starts with the file name and, where there is one, the line ("usage.csv:3: ...").
 */
class CsvSourceTest {

    private static final Set<String> REQUIRED = Set.of("event_id", "timestamp");
    private static final Set<String> OPTIONAL = Set.of("note");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private Path writeBytes(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static List<CsvRow> readAll(Path file, boolean extraAllowed) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvSource source = CsvSource.open(file, REQUIRED, OPTIONAL, extraAllowed)) {
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** 0xC3 starts a two-byte sequence; 0x28 '(' cannot continue it. */
    private static byte[] withBadBytes(String before, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.write(0xC3);
        out.write(0x28);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void testMissingFile() {
        Path missing = dir.resolve("usage.csv");

        assertThatThrownBy(() -> CsvSource.open(missing, REQUIRED, OPTIONAL, false))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("usage.csv: file not found")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void testDirectoryInsteadOfFile_IsNotFound() throws IOException {
        Files.createDirectory(dir.resolve("usage.csv"));

        assertThatThrownBy(() -> CsvSource.open(dir.resolve("usage.csv"), REQUIRED, OPTIONAL, false))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("usage.csv: file not found");
    }

    @Test
    void testEmptyFile_ZeroBytes() throws IOException {
        Path file = writeBytes("usage.csv", new byte[0]);

        assertThatThrownBy(() -> CsvSource.open(file, REQUIRED, OPTIONAL, false))
                .isInstanceOf(InputFileException.class)
                .hasMessage("usage.csv: file is empty: expected a header line");
    }

    @Test
    void testHeaderOnly_HasNoRows() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp\n");

        assertThat(readAll(file, false)).isEmpty();
    }

    @Test
    void testUnknownHeaderColumn() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp,colour\ne1,t1,red\n");

        assertThatThrownBy(() -> CsvSource.open(file, REQUIRED, OPTIONAL, false))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("usage.csv:1: unknown column 'colour' (expected: ")
                .hasMessageContaining("event_id").hasMessageContaining("timestamp").hasMessageContaining("note");
    }

    @Test
    void testUnknownHeaderColumn_AllowedWhereExtraColumnsAre() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp,input_tokens\ne1,t1,5\n");

        List<CsvRow> rows = readAll(file, true);

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("input_tokens")).isEqualTo("5"));
    }

    @Test
    void testMissingHeaderColumn() throws IOException {
        Path file = write("usage.csv", "event_id,note\ne1,x\n");

        assertThatThrownBy(() -> CsvSource.open(file, REQUIRED, OPTIONAL, false))
                .isInstanceOf(InputFileException.class)
                .hasMessage("usage.csv:1: missing column 'timestamp' in the header");
    }

    @Test
    void testHeaderNamesAreCaseSensitive() throws IOException {
        Path file = write("usage.csv", "Event_ID,timestamp\ne1,t1\n");

        assertThatThrownBy(() -> CsvSource.open(file, REQUIRED, OPTIONAL, true))
                .isInstanceOf(InputFileException.class)
                .hasMessage("usage.csv:1: missing column 'event_id' in the header");
    }

    @Test
    void testDuplicatedHeaderColumn() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp,event_id\ne1,t1,e2\n");

        assertThatThrownBy(() -> CsvSource.open(file, REQUIRED, OPTIONAL, true))
                .isInstanceOf(InputFileException.class)
                .hasMessage("usage.csv:1: column 'event_id' appears twice in the header");
    }

    @Test
    void testDuplicatedHeaderColumn_AfterStrippingSpaces() throws IOException {
        Path file = write("usage.csv", "event_id, timestamp,timestamp \ne1,t1,t2\n");

        assertThatThrownBy(() -> CsvSource.open(file, REQUIRED, OPTIONAL, true))
                .isInstanceOf(InputFileException.class)
                .hasMessage("usage.csv:1: column 'timestamp' appears twice in the header");
    }

    @Test
    void testUtf8Bom_IsTolerated() throws IOException {
        Path file = write("usage.csv", "\uFEFFevent_id,timestamp\ne1,t1\n");

        List<CsvRow> rows = readAll(file, false);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("event_id")).isEqualTo("e1");
            assertThat(row.line()).isEqualTo(2);
        });
    }

    @Test
    void testUtf8Bom_BeforeAQuotedHeaderCell() throws IOException {
        Path file = write("usage.csv", "\uFEFF\"event_id\",\"timestamp\"\ne1,t1\n");

        assertThat(readAll(file, false)).singleElement()
                .satisfies(row -> assertThat(row.get("event_id")).isEqualTo("e1"));
    }

    @Test
    void testInvalidUtf8InACell_NamesTheLine() throws IOException {
        Path file = writeBytes("usage.csv", withBadBytes("event_id,timestamp\ne1,t1\ne2,t", "2\ne3,t3\n"));

        assertThatThrownBy(() -> readAll(file, false))
                .isInstanceOf(InputFileException.class)
                .hasMessage("usage.csv:3: bytes that are not valid UTF-8 (save the file as UTF-8)");
    }

    @Test
    void testInvalidUtf8InTheHeader_NamesLine1() throws IOException {
        Path file = writeBytes("usage.csv", withBadBytes("event_id,timestamp,n", "te\ne1,t1,x\n"));

        assertThatThrownBy(() -> readAll(file, true))
                .isInstanceOf(InputFileException.class)
                .hasMessage("usage.csv:1: bytes that are not valid UTF-8 (save the file as UTF-8)");
    }

    @Test
    void testLatin1Text_IsNotUtf8() throws IOException {
        byte[] latin1 = "event_id,timestamp\ne1,t1\ne2,K\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = writeBytes("usage.csv", latin1);

        assertThatThrownBy(() -> readAll(file, false))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("usage.csv:3: bytes that are not valid UTF-8");
    }

    @Test
    void testInvalidUtf8FarBeyondTheReadBuffer_NamesItsOwnLine() throws IOException {
        // the reader decodes 64 KiB ahead of the record it parses: the line must still be the bad byte's
        StringBuilder text = new StringBuilder("event_id,timestamp\n");
        for (int i = 2; i < 20_000; i++) {
            text.append("evt-").append(i).append(",2026-10-05T13:45:12.345Z\n");
        }
        Path file = writeBytes("usage.csv", withBadBytes(text + "evt-bad,", "\nevt-last,t\n"));
        List<Long> linesRead = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (CsvSource source = CsvSource.open(file, REQUIRED, OPTIONAL, false)) {
                for (CsvRow row = source.next(); row != null; row = source.next()) {
                    linesRead.add(row.line());
                }
            }
        }).isInstanceOf(InputFileException.class)
                .hasMessage("usage.csv:20000: bytes that are not valid UTF-8 (save the file as UTF-8)");
        assertThat(linesRead).isNotEmpty().allMatch(line -> line < 20_000);
    }

    @Test
    void testTruncatedMultiByteSequenceAtEndOfFile() throws IOException {
        byte[] text = "event_id,timestamp\ne1,t1\ne2,\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(text, text.length - 1); // the euro sign loses its last byte
        Path file = writeBytes("usage.csv", truncated);

        assertThatThrownBy(() -> readAll(file, false))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("usage.csv:3: bytes that are not valid UTF-8");
    }

    @ParameterizedTest(name = "euro sign starts {0} bytes before the 64 KiB boundary")
    @ValueSource(ints = {1, 2, 3})
    void testMultiByteCharacterAcrossTheBufferBoundary_IsValid(int before) throws IOException {
        Path file = writeBytes("usage.csv", straddling((1 << 16) - before));

        assertThat(CsvSource.firstInvalidUtf8Line(file)).isZero();
        assertThat(readAll(file, true)).isNotEmpty();
    }

    /** A valid file whose 3-byte euro sign starts at byte {@code offset}. */
    static byte[] straddling(int offset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("event_id,timestamp,note\n".getBytes(StandardCharsets.UTF_8));
        while (out.size() < offset - 40) {
            out.writeBytes("e,t,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("e,t,".getBytes(StandardCharsets.UTF_8));
        while (out.size() < offset) {
            out.write('y');
        }
        out.writeBytes("\u20ac\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void testBackslashIsNotAnEscapeCharacter() throws IOException {
        // RFC 4180 knows no escape character: a backslash is text, even before a quote or a comma
        Path file = write("usage.csv", "event_id,timestamp,note\n"
                + "e1,t1,\"C:\\Users\\\"\n"
                + "e2,t2,a\\,b\n");

        List<CsvRow> rows = readAll(file, false);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("note")).isEqualTo("C:\\Users\\");
        assertThat(rows.get(0).hasExpectedCellCount()).isTrue();
        assertThat(rows.get(1).get("note")).isEqualTo("a\\");
        assertThat(rows.get(1).cellCount()).isEqualTo(4);
    }

    @Test
    void testQuotedCommasQuotesAndLineBreaks_RowKeepsItsFirstLine() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp,note\n"
                + "e1,t1,\"Attn: AP\n2200 Larkin Avenue, Floor 3\nAustin\"\n"
                + "e2,t2,\"He said \"\"hi\"\"\"\n"
                + "e3,t3,\"\"\n");

        List<CsvRow> rows = readAll(file, false);

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 5L, 6L);
        assertThat(rows.get(0).get("note")).isEqualTo("Attn: AP\n2200 Larkin Avenue, Floor 3\nAustin");
        assertThat(rows.get(1).get("note")).isEqualTo("He said \"hi\"");
        assertThat(rows.get(2).get("note")).isEmpty();
    }

    @Test
    void testCrLfAndLoneCrLineEndings() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp\r\ne1,t1\r\ne2,t2\re3,t3");

        List<CsvRow> rows = readAll(file, false);

        assertThat(rows).extracting(r -> r.get("event_id")).containsExactly("e1", "e2", "e3");
        assertThat(rows).extracting(r -> r.get("timestamp")).containsExactly("t1", "t2", "t3");
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 4L);
    }

    @Test
    void testWrongCellCount_IsReportedOnTheRowNotTheFile() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp\ne1\ne2,t2,extra\ne3,t3\n");

        List<CsvRow> rows = readAll(file, false);

        assertThat(rows).extracting(CsvRow::cellCount).containsExactly(1, 3, 2);
        assertThat(rows).extracting(CsvRow::hasExpectedCellCount).containsExactly(false, false, true);
        assertThat(rows.get(0).get("timestamp")).isEmpty();
    }

    @Test
    void testBlankLine_IsARecordWithOneEmptyCell() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp\ne1,t1\n\ne2,t2\n");

        List<CsvRow> rows = readAll(file, false);

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 4L);
        assertThat(rows.get(1).hasExpectedCellCount()).isFalse();
    }

    @Test
    void testUnterminatedQuote_NamesTheLineWhereTheRecordStarts() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp\ne1,t1\ne2,\"t2\ne3,t3\n");

        assertThatThrownBy(() -> readAll(file, false))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("usage.csv:3: cannot parse the record: ")
                .hasMessageContaining("Unterminated quoted field");
    }

    @Test
    void testQuotedFieldLongerThanTheMultilineLimit() throws IOException {
        Path file = write("usage.csv", "event_id,timestamp\ne1,t1\ne2,\"" + "x\n".repeat(1_500) + "\"\n");

        assertThatThrownBy(() -> readAll(file, false))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("usage.csv:3: cannot parse the record: ");
    }

    @Test
    void testHugeField_IsReadWhole() throws IOException {
        String huge = "z".repeat(100_000);
        Path file = write("usage.csv", "event_id,timestamp\n" + huge + ",t1\ne2,t2\n");

        List<CsvRow> rows = readAll(file, false);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("event_id")).hasSize(100_000);
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void testControlAndBidiCharacters_AreKeptAsText() throws IOException {
        String hostile = "a\u0001b\u202Ec\u200Fd\u0007";
        Path file = write("usage.csv", "event_id,timestamp\n" + hostile + ",t1\n");

        assertThat(readAll(file, false)).singleElement()
                .satisfies(row -> assertThat(row.get("event_id")).isEqualTo(hostile));
    }
}
