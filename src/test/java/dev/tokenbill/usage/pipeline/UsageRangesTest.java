package dev.tokenbill.usage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.csv.CsvRecord;
import dev.tokenbill.csv.CsvSource;
import dev.tokenbill.usage.UsageClassifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageRangesTest {

    @TempDir
    private Path tmp;

    @ParameterizedTest(name = "ranges of {0} bytes")
    @ValueSource(longs = {1, 17, 40, 64, 100_000})
    void testSplit_RangesReadTheSameRecordsWithTheSameLinesAsTheWholeFile(long rangeBytes) throws Exception {
        // given a file whose quoted cells hold line breaks, commas and doubled quotes, and a CRLF line
        Path file = tmp.resolve("u.csv");
        Files.writeString(file, "event_id,timestamp,customer_id,model\n"
                + "e1,2026-10-01T00:00:00Z,acme,gpt-4o\n"
                + "\"e2\",\"2026-10-01\nT00:00:00Z\",acme,\"gpt \"\"4o\"\"\"\n"
                + "e3,2026-10-02T00:00:00Z,\"ac,\n\nme\",m\r\n"
                + "e4,2026-10-03T00:00:00Z,acme,gpt-4o\n"
                + "e5,,,\n", StandardCharsets.UTF_8);
        List<String> expected = records(file, List.of(new UsageRange(0, "u.csv", 0, Files.size(file), 0)));

        // when
        List<UsageRange> ranges = UsageRanges.split(List.of(file), rangeBytes);

        // then
        assertThat(expected).containsExactly("2 [e1, 2026-10-01T00:00:00Z, acme, gpt-4o]",
                "3 [e2, 2026-10-01\nT00:00:00Z, acme, gpt \"4o\"]", "5 [e3, 2026-10-02T00:00:00Z, ac,\n\nme, m]",
                "8 [e4, 2026-10-03T00:00:00Z, acme, gpt-4o]", "9 [e5, , , ]");
        assertThat(records(file, ranges)).containsExactlyElementsOf(expected);
        assertThat(ranges.size()).isEqualTo(rangeBytes >= Files.size(file) ? 1 : rangeBytes == 1 ? 6 : ranges.size());
        assertThat(ranges.get(0).from()).isZero();
        assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(Files.size(file));
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).to());
        }
    }

    private static List<String> records(Path file, List<UsageRange> ranges) {
        List<String> records = new ArrayList<>();
        for (UsageRange range : ranges) {
            try (CsvSource source = CsvSource.openRange(file, UsageClassifier.REQUIRED, Set.of(), true, range.from(),
                    range.to(), range.linesBefore())) {
                for (CsvRecord r = source.nextRecord(); r != null; r = source.nextRecord()) {
                    records.add(r.line() + " " + Arrays.toString(r.cells()));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return records;
    }
}
