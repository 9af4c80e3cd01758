package dev.tokenbill.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.csv.CsvRecord;
import dev.tokenbill.csv.CsvSource;
import dev.tokenbill.csv.InputFileException;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.ClassifiedRow;
import dev.tokenbill.usage.RowStatus;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.usage.UsageColumns;
import dev.tokenbill.usage.pipeline.AggregatedUsage;
import dev.tokenbill.usage.pipeline.FileTally;
import dev.tokenbill.usage.pipeline.UsagePipeline;
import dev.tokenbill.usage.pipeline.UsageReject;
import dev.tokenbill.usage.pipeline.DailyRequests;
import dev.tokenbill.usage.pipeline.UsageSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated hostile usage files read by {@link CsvSource} and classified by the real
 * {@link UsageClassifier}, as the usage pipeline's pass 1 does, then run through the whole
 * {@link UsagePipeline} (ranges and buckets of 1,024 bytes: a file of up to 60 records is cut into several
 * ranges; 256 bytes made the 300 cases take 106 s). Each case has its own seed, derived from a fixed base seed, and
 * every assertion prints it: re-run one case by returning {@code LongStream.of(seed)} from {@link #seeds()}.
 *
 * <p>Three of four cases are well-formed RFC 4180 files full of bad values (the oracle knows each
 * record's expected status and first line); the fourth also has broken syntax (stray and unclosed
 * quotes, NULs, lone CRs, truncation). Invariants: nothing but an {@link InputFileException} that
 * names the file and the line is ever thrown (and a well-formed file never throws); the reader
 * returns one row per record; every row ends ACCEPTED, REJECTED (with a reason) or OUT_OF_PERIOD,
 * so read = accepted + rejected + out_of_period (duplicates are decided later, in pass 2); and the
 * pipeline's per-file tallies equal a plain in-memory de-duplication of those rows (first in file
 * then line order wins; same content hash = duplicate, other content = conflict).
 */
class UsageFileFuzzTest {

    private static final long BASE_SEED = 20261001L;
    private static final int CASES = 300;
    private static final List<String> COLUMNS = List.of("event_id", "timestamp", "customer_id", "model", "input_tokens",
            "cached_input_tokens", "output_tokens", "gpu_seconds");
    private static final List<String> TOKEN_METERS = List.of("input_tokens", "cached_input_tokens", "output_tokens");
    private static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "claude-sonnet-4-5", "deepseek-chat");
    private static final long OCTOBER = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();

    private static UsageClassifier classifier;

    @TempDir
    Path dir;

    @BeforeAll
    static void classifier() {
        classifier = new UsageClassifier(CatalogLoader.load(Path.of("input/catalog.yaml")),
                BillingPeriod.parse("2026-10"), Map.of(
                        "acme", List.of(sub("s-acme", "acme", "payg-usd", "2026-01-01")),
                        "later", List.of(sub("s-later", "later", "payg-usd", "2026-11-15")),
                        "pixel", List.of(sub("s-pixel", "pixel", "daily-starter-usd", "2026-01-01"))));
    }

    private static Subscription sub(String id, String customer, String plan, String start) {
        return new Subscription(id, customer, plan, LocalDate.parse(start), null, 1, null);
    }

    /** Spread out from the base seed: java.util.Random's first draws from consecutive seeds are alike. */
    static LongStream seeds() {
        return new SplittableRandom(BASE_SEED).longs(CASES);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void testHostileUsageFiles_NeverCrashAndAlwaysReconcile(long seed) throws Exception {
        // given
        Random random = new Random(seed);
        boolean broken = random.nextInt(4) == 0;
        List<Path> files = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        int fileCount = 1 + random.nextInt(2);
        for (int f = 0; f < fileCount; f++) {
            String name = "fuzz-" + seed + "-" + (char) ('a' + f) + ".csv";
            FuzzFile file = new FuzzFile(name, random, broken);
            Files.write(dir.resolve(name), file.text().getBytes(StandardCharsets.UTF_8));
            files.add(dir.resolve(name));
            expected.addAll(file.expected);
        }
        // when
        List<ClassifiedRow> rows = new ArrayList<>();
        InputFileException failure = readAll(seed, files, rows);
        // then
        Map<RowStatus, Integer> counts = new EnumMap<>(RowStatus.class);
        for (ClassifiedRow row : rows) {
            counts.merge(row.status(), 1, Integer::sum);
            assertRowInvariants(seed, row);
        }
        int accepted = counts.getOrDefault(RowStatus.ACCEPTED, 0);
        int rejected = counts.getOrDefault(RowStatus.REJECTED, 0);
        int outOfPeriod = counts.getOrDefault(RowStatus.OUT_OF_PERIOD, 0);
        assertThat(accepted + rejected + outOfPeriod).as("seed=%d: read = accepted + rejected + out_of_period %s", seed,
                counts).isEqualTo(rows.size());
        assertThat(counts).as("seed=%d: duplicates are decided in the aggregation, not here", seed)
                .doesNotContainKey(RowStatus.DUPLICATE);
        if (failure != null) {
            assertThat(broken).as("seed=%d: a well-formed file failed: %s", seed, failure.getMessage()).isTrue();
            assertThat(failure.getMessage()).as("seed=%d: the failure names the file and the line", seed)
                    .matches("(?s)fuzz-" + seed + "-[ab]\\.csv:\\d+: (cannot parse the record|bytes that are not valid).*");
            return;
        }
        if (!broken) {
            assertMatchesTheOracle(seed, rows, expected);
            assertPipelineTalliesMatchPlainDeduplication(seed, files, rows);
        }
    }

    /** Reads and classifies every record; returns the file-level failure, if any. */
    private static InputFileException readAll(long seed, List<Path> files, List<ClassifiedRow> rows) {
        try {
            for (Path file : files) {
                try (CsvSource source = CsvSource.open(file, UsageClassifier.REQUIRED, Set.of(), true)) {
                    UsageColumns columns = UsageColumns.of(source.header());
                    for (CsvRecord record = source.nextRecord(); record != null; record = source.nextRecord()) {
                        rows.add(classifier.classify(source.fileName(), record.line(), record.cells(), columns));
                    }
                }
            }
            return null;
        } catch (InputFileException e) {
            return e;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("seed=" + seed + ": only InputFileException may escape, got " + e, e);
        }
    }

    private static void assertRowInvariants(long seed, ClassifiedRow row) {
        assertThat(row.line()).as("seed=%d: line", seed).isPositive();
        switch (row.status()) {
            case REJECTED -> {
                assertThat(row.raw()).as("seed=%d: raw at line %d", seed, row.line()).isNotNull();
                assertThat(row.reason()).as("seed=%d: reason at line %d", seed, row.line()).isNotBlank();
                assertThat(row.meters()).as("seed=%d", seed).isEmpty();
            }
            case ACCEPTED -> {
                assertThat(row.reason()).as("seed=%d", seed).isNull();
                assertThat(row.eventId()).as("seed=%d: event id at line %d", seed, row.line()).isNotBlank().hasSizeLessThanOrEqualTo(256);
                assertThat(row.subscriptionId()).as("seed=%d", seed).isEqualTo("s-acme");
                assertThat(row.condition()).as("seed=%d", seed).isNotNull();
                assertThat(row.day()).as("seed=%d", seed).isBetween(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
                assertThat(row.meters().values()).as("seed=%d: meters at line %d", seed, row.line())
                        .allMatch(q -> q.signum() > 0 && q.precision() - q.scale() <= 26 && q.stripTrailingZeros().scale() <= 12);
            }
            case OUT_OF_PERIOD -> {
                assertThat(row.reason()).as("seed=%d", seed).isNull();
                assertThat(row.contentHash()).as("seed=%d", seed).isNotNull();
            }
            case DUPLICATE -> throw new AssertionError("seed=" + seed + ": DUPLICATE before aggregation");
        }
    }

    private static void assertMatchesTheOracle(long seed, List<ClassifiedRow> rows, List<Expected> expected) {
        assertThat(rows).as("seed=%d: one row per record", seed).hasSameSizeAs(expected);
        for (int i = 0; i < rows.size(); i++) {
            ClassifiedRow row = rows.get(i);
            Expected want = expected.get(i);
            assertThat(row.file()).as("seed=%d: record %d (%s)", seed, i, want.kind).isEqualTo(want.file);
            assertThat(row.line()).as("seed=%d: first line of record %d (%s) in %s", seed, i, want.kind, want.file)
                    .isEqualTo(want.line);
            if (want.status != null) {
                assertThat(row.status()).as("seed=%d: %s:%d (%s) reason=%s", seed, want.file, want.line, want.kind,
                        row.reason()).isEqualTo(want.status);
            }
            if (want.reason != null) {
                assertThat(row.reason()).as("seed=%d: %s:%d (%s)", seed, want.file, want.line, want.kind).contains(want.reason);
            }
        }
    }

    private void assertPipelineTalliesMatchPlainDeduplication(long seed, List<Path> files, List<ClassifiedRow> rows)
            throws Exception {
        Map<String, long[]> want = new LinkedHashMap<>(); // read, accepted, duplicates, rejected, out of period
        Map<String, ClassifiedRow> firsts = new HashMap<>();
        for (Path file : files) {
            want.put(file.getFileName().toString(), new long[5]);
        }
        for (ClassifiedRow row : rows) { // rows are in file then line order
            long[] c = want.get(row.file());
            c[0]++;
            if (row.status() == RowStatus.REJECTED) {
                c[3]++;
                continue;
            }
            ClassifiedRow first = firsts.putIfAbsent(row.eventId(), row);
            if (first == null) {
                c[row.status() == RowStatus.ACCEPTED ? 1 : 4]++;
            } else {
                c[first.contentHash().equals(row.contentHash()) ? 2 : 3]++;
            }
        }
        List<FileTally> tallies = new ArrayList<>();
        long[] requests = {0};
        UsageSink sink = new UsageSink() {
            @Override
            public void rejects(List<UsageReject> rejects) {
            }

            @Override
            public void totals(List<AggregatedUsage> totals) {
            }

            @Override
            public void files(List<FileTally> files) {
                tallies.addAll(files);
            }

            @Override
            public void daily(List<DailyRequests> daily) {
                daily.forEach(d -> requests[0] += java.util.Arrays.stream(d.requests()).sum());
            }
        };
        Path spill = Files.createTempDirectory(dir, "spill");
        new UsagePipeline(classifier, new UsagePipeline.Settings(3, 1024, spill)).run(files, sink);
        List<FileTally> expected = new ArrayList<>();
        want.forEach((file, c) -> expected.add(new FileTally(file, c[0], c[1], c[2], c[3], c[4])));
        assertThat(tallies).as("seed=%d", seed).containsExactlyElementsOf(expected);
        // every accepted row is one request on one day of the chart
        assertThat(requests[0]).as("seed=%d: requests per day add up to the accepted rows", seed)
                .isEqualTo(expected.stream().mapToLong(FileTally::accepted).sum());
    }

    enum Kind {
        GOOD, DUPLICATE, CONFLICT, WRONG_COUNT, BLANK, BAD_TIMESTAMP, BAD_NUMBER, UNKNOWN_CUSTOMER, UNKNOWN_MODEL,
        NO_SUBSCRIPTION, UNPRICED_METER, DAILY_PLAN, OUT_OF_PERIOD, MISSING_ID, HUGE_FIELD, GARBAGE
    }

    /** A record's first line and, where the oracle knows it, its status and a part of its reason. */
    record Expected(String file, long line, Kind kind, RowStatus status, String reason) {
    }

    /** One generated usage file: its text and, record by record, what should become of it. */
    static final class FuzzFile {

        private final String name;
        private final Random random;
        private final boolean broken;
        private final StringBuilder text = new StringBuilder();
        private final List<String> header;
        private final List<Map<String, String>> goodRows = new ArrayList<>();
        private final List<Object[]> earlier = new ArrayList<>(); // {cells, Expected} of records with cells
        final List<Expected> expected = new ArrayList<>();
        private long lines = 1; // physical line the next record starts on
        private boolean afterLoneCr;

        FuzzFile(String name, Random random, boolean broken) {
            this.name = name;
            this.random = random;
            this.broken = broken;
            List<String> columns = new ArrayList<>(COLUMNS);
            Collections.shuffle(columns, random);
            header = List.copyOf(columns);
            if (random.nextInt(5) == 0) {
                text.append('\uFEFF');
            }
            append(String.join(",", header), random.nextBoolean() ? "\n" : "\r\n");
            int records = random.nextInt(60);
            for (int i = 0; i < records; i++) {
                Kind kind = random.nextInt(3) == 0 ? Kind.GOOD : Kind.values()[random.nextInt(Kind.values().length)];
                record(kind, i == records - 1);
            }
            if (broken) {
                mutate();
            }
        }

        String text() {
            return text.toString();
        }

        private void record(Kind kind, boolean last) {
            Map<String, String> cells = good();
            RowStatus status = RowStatus.REJECTED;
            String reason = null;
            switch (kind) {
                case GOOD -> {
                    status = RowStatus.ACCEPTED;
                    goodRows.add(cells);
                }
                case DUPLICATE, CONFLICT -> {
                    if (earlier.isEmpty()) {
                        record(Kind.GOOD, last);
                        return;
                    }
                    Object[] previous = earlier.get(random.nextInt(earlier.size()));
                    @SuppressWarnings("unchecked")
                    Map<String, String> copy = new LinkedHashMap<>((Map<String, String>) previous[0]);
                    Expected before = (Expected) previous[1];
                    cells = copy;
                    status = before.status;
                    reason = before.reason;
                    if (kind == Kind.CONFLICT && before.kind == Kind.GOOD) {
                        cells.put("input_tokens", String.valueOf(1 + random.nextInt(1_000_000)));
                    }
                }
                case WRONG_COUNT -> {
                    List<String> values = new ArrayList<>(ordered(cells));
                    if (random.nextBoolean() && values.size() > 1) {
                        values.remove(random.nextInt(values.size()));
                    } else {
                        for (int extra = 1 + random.nextInt(3); extra > 0; extra--) {
                            values.add(random.nextBoolean() ? "" : garbage(20, false));
                        }
                    }
                    emit(values, kind, RowStatus.REJECTED, "wrong number of columns", last, null);
                    return;
                }
                case BLANK -> {
                    if (afterLoneCr || last) {
                        record(Kind.GOOD, last); // "\r" + "\n" would be one line break, and a final "" no record
                        return;
                    }
                    expected.add(new Expected(name, lines, kind, RowStatus.REJECTED, "wrong number of columns"));
                    append("", "\n");
                    return;
                }
                case BAD_TIMESTAMP -> {
                    cells.put("timestamp", pick("2026-10-05 13:45:12", "2026-10-05T13:45:12", "", "2026-10-32T00:00:00Z",
                            "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00", "now", "1791234567",
                            "2026-10-05T13:45:12.345Z\u200F", "\u202E2026-10-05T13:45:12Z", garbage(30, false)));
                    reason = "timestamp '";
                }
                case BAD_NUMBER -> {
                    String meter = pick(TOKEN_METERS.toArray(String[]::new));
                    cells.put(meter, pick("-5", "-0.5", "NaN", "Infinity", "-Infinity", "1e309", "1E+400", "1e-20",
                            "0x1F", "abc", "1,5", "--1", "1e", "12 34", "\u00a012", "1_000", "\u221e", "- 1"));
                    reason = meter;
                }
                case UNKNOWN_CUSTOMER -> {
                    cells.put("customer_id", pick("ghost", "ACME", "acme\u200E", "../etc/passwd", "=HYPERLINK(\"x\")",
                            "acm\u0435", "g" + garbage(40, false)));
                    reason = "unknown customer";
                }
                case UNKNOWN_MODEL -> {
                    cells.put("model", pick("gpt-5", "GPT-4O", "gpt-4.1", "llama-3.1-8b-dedicated", "m" + garbage(40, false)));
                    reason = "is not priced by plan payg-usd";
                }
                case NO_SUBSCRIPTION -> {
                    cells.put("customer_id", "later");
                    reason = "has no active subscription";
                }
                case UNPRICED_METER -> {
                    cells.put("gpu_seconds", pick("1", "0.5", "3600", "1e2"));
                    reason = "meter gpu_seconds";
                }
                case DAILY_PLAN -> {
                    cells.put("customer_id", "pixel");
                    cells.put("model", "gpt-4o-mini");
                    status = RowStatus.OUT_OF_PERIOD;
                }
                case OUT_OF_PERIOD -> {
                    long second = random.nextBoolean() ? OCTOBER - 1 - random.nextInt(86_400 * 400)
                            : OCTOBER + 31L * 86_400 + random.nextInt(86_400 * 400);
                    cells.put("timestamp", Instant.ofEpochSecond(second).toString());
                    if (random.nextBoolean()) {
                        cells.put("customer_id", "ghost"); // not billed by this run, whoever it is
                    }
                    status = RowStatus.OUT_OF_PERIOD;
                }
                case MISSING_ID -> {
                    cells.put("event_id", pick("", " ", "\t"));
                    reason = "missing event_id";
                }
                case HUGE_FIELD -> {
                    String column = pick(COLUMNS.toArray(String[]::new));
                    int size = 257 + random.nextInt(random.nextInt(10) == 0 ? 100_000 - 257 : 2_000);
                    StringBuilder huge = new StringBuilder(size);
                    String unit = garbage(8, false) + "x";
                    while (huge.length() < size) {
                        huge.append(unit);
                    }
                    cells.put(column, huge.toString());
                    reason = "is longer than 256 characters";
                }
                case GARBAGE -> {
                    for (String column : COLUMNS) {
                        cells.put(column, garbage(random.nextInt(10) == 0 ? 300 : 40, true));
                    }
                    status = null; // anything but an exception
                }
            }
            emit(ordered(cells), kind, status, reason, last, cells);
        }

        /** A valid row for acme on payg-usd in October, in one of many harmless spellings. */
        private Map<String, String> good() {
            Map<String, String> cells = new LinkedHashMap<>();
            String id = "evt-" + Long.toHexString(random.nextLong());
            cells.put("event_id", random.nextInt(5) == 0 ? id + pick("\u200F", "\u202E\u202C", ",x", "\"q\"", "\n2",
                    "\r\n3", " \u05e9\u05dc\u05d5\u05dd", "\ud83d\ude80", "\u0007", "\\") : id);
            Instant at = Instant.ofEpochSecond(OCTOBER + random.nextInt(31 * 86_400),
                    random.nextInt(1_000) * 1_000_000L);
            cells.put("timestamp", random.nextBoolean() ? at.toString()
                    : OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(random.nextInt(37) - 18)).toString());
            cells.put("customer_id", random.nextInt(8) == 0 ? " acme " : "acme");
            cells.put("model", pick(MODELS.toArray(String[]::new)));
            for (String meter : TOKEN_METERS) {
                cells.put(meter, pick("", "0", "1", "12", "4096", "250000", "12.5", "1e3", " 7 ", "+3", "0.000000000001",
                        "99999999999999999999999999", String.valueOf(random.nextInt(100_000))));
            }
            cells.put("gpu_seconds", pick("", "0", "0.0"));
            return cells;
        }

        private List<String> ordered(Map<String, String> cells) {
            return header.stream().map(cells::get).toList();
        }

        private void emit(List<String> values, Kind kind, RowStatus status, String reason, boolean last,
                Map<String, String> cells) {
            Expected want = new Expected(name, lines, kind, status, reason);
            expected.add(want);
            if (cells != null && status != null) {
                earlier.add(new Object[] {cells, want});
            }
            StringBuilder record = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                record.append(i == 0 ? "" : ",").append(quoted(values.get(i)));
            }
            append(record.toString(), last && random.nextBoolean() ? "" : pick("\n", "\n", "\r\n", "\r"));
        }

        private String quoted(String value) {
            boolean needed = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
            return needed || random.nextInt(10) == 0 ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }

        private void append(String record, String terminator) {
            text.append(record).append(terminator);
            lines += lineBreaks(record + terminator);
            afterLoneCr = terminator.equals("\r");
        }

        /** Line breaks as BufferedReader.readLine counts them: \n, \r\n and a lone \r. */
        static long lineBreaks(String s) {
            long breaks = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
            return breaks;
        }

        /** Valid UTF-8, but nothing a usage file should hold: controls, bidi marks, emoji, line breaks. */
        private String garbage(int maxLength, boolean lineBreaks) {
            int length = random.nextInt(maxLength + 1);
            StringBuilder out = new StringBuilder();
            while (out.length() < length) {
                int codePoint = switch (random.nextInt(12)) {
                    case 0 -> 0x20 + random.nextInt(0x5F);
                    case 1 -> 1 + random.nextInt(0x1F); // C0 controls except NUL (see the broken mode)
                    case 2 -> pickInt(0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
                            0x2068, 0x2069, 0xFEFF, 0x200B);
                    case 3 -> 0x1F300 + random.nextInt(0x300); // emoji: surrogate pairs
                    case 4 -> 0x0590 + random.nextInt(0x100); // Hebrew and Arabic
                    case 5 -> 0x4E00 + random.nextInt(0x5000);
                    case 6 -> pickInt(0x2028, 0x2029, 0x0085, 0x00A0, 0x007F, 0x009F, 0xFFFD, 0xFFFE, 0xFFFF);
                    case 7 -> pickInt(',', '"', '\'', '=', '+', '-', '@', '\\', ';', '\t');
                    case 8 -> lineBreaks ? pickInt('\n', '\r') : 'n';
                    case 9 -> 0x0300 + random.nextInt(0x70); // combining marks
                    case 10 -> 0x80 + random.nextInt(0x180);
                    default -> 'a' + random.nextInt(26);
                };
                boolean lineBreak = codePoint == '\n' || codePoint == '\r';
                out.appendCodePoint(lineBreak && !lineBreaks ? ' ' : codePoint);
            }
            return out.toString();
        }

        /** Breaks the syntax after the header: stray and unclosed quotes, NULs, lone CRs, truncation. */
        private void mutate() {
            int headerEnd = text.indexOf("\n") + 1;
            for (int m = 1 + random.nextInt(4); m > 0 && text.length() > headerEnd; m--) {
                int at = headerEnd + random.nextInt(text.length() - headerEnd);
                switch (random.nextInt(7)) {
                    case 0, 1 -> text.insert(at, '"');
                    case 2 -> text.insert(at, '\u0000');
                    case 3 -> text.insert(at, "\u0000\u0000\"");
                    case 4 -> text.insert(at, '\r');
                    case 5 -> text.deleteCharAt(at);
                    default -> text.setLength(at);
                }
            }
            if (random.nextInt(3) == 0) {
                text.append("\"unclosed,").append(garbage(20, true));
            }
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }

        private int pickInt(int... options) {
            return options[random.nextInt(options.length)];
        }
    }
}
