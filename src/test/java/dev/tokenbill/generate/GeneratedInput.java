package dev.tokenbill.generate;

import com.opencsv.CSVReader;
import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.catalog.Plan;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A generated input directory read back with a real CSV parser, and a classifier that says what each usage row is. */
final class GeneratedInput {

    static final String[] METERS = {"input_tokens", "cached_input_tokens", "output_tokens", "gpu_seconds"};
    private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?");

    record Subscription(String id, String customer, String plan, LocalDate start, LocalDate end) {
        boolean covers(LocalDate day) {
            return !day.isBefore(start) && (end == null || day.isBefore(end));
        }
    }

    final Catalog catalog;
    final Map<String, String[]> customers = new HashMap<>();
    final Map<String, List<Subscription>> subscriptions = new HashMap<>();
    final List<String[]> usage = new ArrayList<>();

    GeneratedInput(Path dir) throws Exception {
        catalog = CatalogLoader.load(dir.resolve("catalog.yaml"));
        for (String[] c : read(dir.resolve("customers.csv"))) {
            customers.put(c[0], c);
        }
        for (String[] s : read(dir.resolve("subscriptions.csv"))) {
            subscriptions.computeIfAbsent(s[1], k -> new ArrayList<>()).add(new Subscription(s[0], s[1], s[2],
                    LocalDate.parse(s[3]), s[4].isEmpty() ? null : LocalDate.parse(s[4])));
        }
        try (Stream<Path> files = Files.list(dir.resolve("usage"))) {
            for (Path file : files.sorted().toList()) {
                usage.addAll(read(file));
            }
        }
    }

    private static List<String[]> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(reader)) {
            List<String[]> rows = csv.readAll();
            return rows.subList(1, rows.size());
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }

    /** What a billing run of {@code period} should make of a row: its dirt kind, or null for a valid in-period event. */
    DirtKind classify(String[] row, LocalDate first, LocalDate end, Map<String, String[]> seen) {
        if (row.length != 8) {
            return DirtKind.WRONG_COLUMN_COUNT;
        }
        Instant at;
        try {
            at = ISO_MILLIS.matcher(row[1]).matches() ? Instant.parse(row[1]) : null;
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            return DirtKind.UNPARSABLE_TIMESTAMP;
        }
        for (int i = 4; i < 8; i++) {
            if (!row[i].isEmpty() && !QUANTITY.matcher(row[i]).matches()) {
                return row[i].startsWith("-") && QUANTITY.matcher(row[i].substring(1)).matches()
                        ? DirtKind.NEGATIVE_QUANTITY : DirtKind.NON_NUMERIC_QUANTITY;
            }
        }
        if (!customers.containsKey(row[2])) {
            return DirtKind.UNKNOWN_CUSTOMER;
        }
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        Subscription sub = subscriptions.get(row[2]).stream().filter(s -> s.covers(day)).findFirst()
                .orElseThrow(() -> new AssertionError("no active subscription for " + String.join(",", row)));
        Plan plan = catalog.plan(sub.plan()).orElseThrow();
        boolean anyMeter = false;
        for (int i = 4; i < 8; i++) {
            if (!row[i].isEmpty()) {
                anyMeter = true;
                if (plan.chargeFor(METERS[i - 4], row[3]).isEmpty()) {
                    return DirtKind.UNKNOWN_MODEL;
                }
            }
        }
        if (!anyMeter) {
            throw new AssertionError("a row without quantities: " + String.join(",", row));
        }
        if (day.isBefore(first) || !day.isBefore(end)) {
            return DirtKind.OUT_OF_PERIOD;
        }
        String[] earlier = seen.putIfAbsent(row[0], row);
        if (earlier != null) {
            return java.util.Arrays.equals(earlier, row) ? DirtKind.EXACT_DUPLICATE : DirtKind.CONFLICTING_DUPLICATE;
        }
        return null;
    }
}
