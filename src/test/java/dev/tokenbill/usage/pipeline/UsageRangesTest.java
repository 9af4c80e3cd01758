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
        // given a file whose quoted cells hold line breaks, commas and doubled quotes, a CRLF and a CR line end
        Path file = tmp.resolve("u.csv");
        Files.writeString(file, "event_id,timestamp,customer_id,model\n"
                + "e1,2026-10-01T00:00:00Z,acme,gpt-4o\r"
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
        assertThat(ranges.size()).isEqualTo(rangeBytes >= Files.size(file) ? 1 : rangeBytes == 1 ? 5 : ranges.size());
        assertThat(ranges.get(0).from()).isZero();
        assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(Files.size(file));
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).to());
        }
    }

    @org.junit.jupiter.api.Test
    void testMayEndOrQuote_AnyPositionOfQuoteCrOrLf_AndNothingElse() {
        byte[] neighbours = {0x21, 0x23, 0x0C, 0x0E, 0x09, 0x0B, 0x00, (byte) 0x80, (byte) 0xA2, (byte) 0x8D, 'a', ','};
        for (byte other : neighbours) {
            long plain = 0;
            for (int i = 0; i < 8; i++) {
                plain |= (other & 0xFFL) << (8 * i);
            }
            assertThat(UsageRanges.mayEndOrQuote(plain)).as("eight bytes 0x%02x", other).isFalse();
            for (byte special : new byte[] {'"', '\r', '\n'}) {
                for (int at = 0; at < 8; at++) {
                    long word = plain & ~(0xFFL << (8 * at)) | (special & 0xFFL) << (8 * at);
                    assertThat(UsageRanges.mayEndOrQuote(word)).as("0x%02x at %d among 0x%02x", special, at, other)
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void testSplit_RandomRecordsOfEveryLength_SameRecordsAndLines(long seed) throws Exception {
        // given records of random length with quoted cells holding line breaks and doubled quotes, and LF, CRLF and
        // CR line ends: quotes and line ends fall on every offset of the eight-byte words the scan skips
        java.util.Random random = new java.util.Random(seed);
        System.out.println("UsageRangesTest seed " + seed);
        StringBuilder text = new StringBuilder("event_id,timestamp,customer_id,model\n");
        for (int r = 0; r < 400; r++) {
            text.append('e').append(r).append(",2026-10-01T00:00:00Z,");
            String filler = "x".repeat(random.nextInt(40));
            if (random.nextInt(4) == 0) {
                text.append('"').append(filler).append(random.nextBoolean() ? "\r\n" : "\"\"").append(filler).append('"');
            } else {
                text.append(filler);
            }
            text.append(",m").append("y".repeat(random.nextInt(20)));
            text.append(switch (random.nextInt(3)) {
                case 0 -> "\n";
                case 1 -> "\r\n";
                default -> "\r";
            });
        }
        Path file = tmp.resolve("r.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<String> expected = records(file, List.of(new UsageRange(0, "r.csv", 0, Files.size(file), 0)));
        assertThat(expected).hasSize(400);
        for (long rangeBytes : new long[] {1, 37, 500, 4096}) {
            // when
            List<UsageRange> ranges = UsageRanges.split(List.of(file), rangeBytes);
            // then
            assertThat(records(file, ranges)).as("ranges of %d bytes", rangeBytes).containsExactlyElementsOf(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void testSplitForThreads_OneBigFile_EqualRangesInAMultipleOfTheThreads() throws Exception {
        // given one file of 5,000 lines of 1,000 bytes (5,000,000 bytes plus a header)
        Path file = bigFile("part-0001.csv", 5_000);
        long size = Files.size(file);

        // when two partitions are asked for with ranges of at most 64 MB, then at most 2 MB, on two threads
        List<UsageRange> two = UsageRanges.split(List.of(file), 64L << 20, 2, 2);
        List<UsageRange> four = UsageRanges.split(List.of(file), 2L << 20, 2, 2);

        // then 2 ranges of about 2,500,000 bytes; with 2 MB ranges ceil(5.0 / 2.097) = 3 pieces, rounded up to 4
        // (1,250,000 bytes each, above the 1 MiB least range): each cut overshoots by less than a line, so every range
        // is within (count) lines of size / count
        assertThat(two).hasSize(2);
        assertThat(four).hasSize(4);
        for (List<UsageRange> ranges : List.of(two, four)) {
            for (UsageRange r : ranges) {
                assertThat((double) (r.to() - r.from())).isCloseTo((double) size / ranges.size(),
                        org.assertj.core.data.Offset.offset(1_000.0 * ranges.size()));
            }
            assertThat(records(file, ranges)).hasSize(5_000).containsExactlyElementsOf(
                    records(file, List.of(new UsageRange(0, "part-0001.csv", 0, size, 0))));
        }
    }

    @org.junit.jupiter.api.Test
    void testSplitForThreads_SmallFiles_AreNotCutBelowAMebibyte() throws Exception {
        // given three files of 100 lines (about 100 KB each)
        List<Path> files = List.of(bigFile("a.csv", 100), bigFile("b.csv", 100), bigFile("c.csv", 100));

        // when 8 partitions on 2 threads are asked for
        List<UsageRange> ranges = UsageRanges.split(files, 16L << 20, 8, 2);

        // then one range per file: cutting further would make ranges under 1 MiB
        assertThat(ranges).extracting(UsageRange::fileName).containsExactly("a.csv", "b.csv", "c.csv");
    }

    @org.junit.jupiter.api.Test
    void testSplitForThreads_UnequalFiles_ExtraPiecesGoToTheBiggest() throws Exception {
        // given files of 3,600 and 1,500 lines of 1,000 bytes
        List<Path> files = List.of(bigFile("a.csv", 3_600), bigFile("b.csv", 1_500));

        // when 2 partitions are asked for on 2 threads: target ceil(5.1 MB / 2) = 2.55 MB, so a.csv in 2 pieces and
        // b.csv in 1 (3 ranges), rounded up to 4 by cutting a.csv (1.8 MB pieces) into 3 of 1.2 MB (b.csv's 0.75 MB
        // halves would be under 1 MiB)
        List<UsageRange> ranges = UsageRanges.split(files, 64L << 20, 2, 2);

        // then
        assertThat(ranges).extracting(UsageRange::fileName).containsExactly("a.csv", "a.csv", "a.csv", "b.csv");
    }

    private Path bigFile(String name, int lines) throws Exception {
        StringBuilder csv = new StringBuilder("event_id,timestamp,customer_id,model\n");
        String pad = "x".repeat(1_000 - 36); // a line of 1,000 bytes with its line feed
        for (int i = 0; i < lines; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "e%07d,2026-10-01T00:00:00Z,acme,%s\n", i, pad));
        }
        Path file = tmp.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
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
