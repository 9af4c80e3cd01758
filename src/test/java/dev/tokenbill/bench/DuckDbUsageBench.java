package dev.tokenbill.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A prototype of the usage step (issue 15) in DuckDB, for measurement only, not wired into the job: every usage
 * file read once, structural errors kept by {@code store_rejects} with their line numbers, the cells checked with
 * tokenbill's reason texts, first occurrence per event id in file-name then line order with exact duplicates and
 * conflicts told apart by a 128-bit content hash, the billing zone's day of each event, exact DECIMAL sums per
 * (customer, model) and request counts per (customer, model, day). Subscriptions, the catalog (unknown customers
 * and models, long-context and off-peak conditions) and late usage are left out: see the README.
 *
 * <p>{@code java -cp ... dev.tokenbill.bench.DuckDbUsageBench INPUT_DIR PERIOD ZONE MEMORY_MB [REJECTS_CSV]}
 */
public final class DuckDbUsageBench {

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        String period = args[1];
        String zone = args[2];
        long memoryMb = Long.parseLong(args[3]);
        List<Path> files;
        try (Stream<Path> list = Files.list(input.resolve("usage"))) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        List<String> meters = DuckDbFloor.meters(files.get(0));
        Path temp = Files.createTempDirectory("duckdb-usage");
        try (Connection c = DuckDbFloor.open(temp, memoryMb, 2); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = '" + DuckDbFloor.sqlString(zone) + "'");
            long start = System.nanoTime();
            List<String> timings = new ArrayList<>();
            for (String[] step : new DuckDbUsageSql(files, meters, period, zone).steps()) {
                long t = System.nanoTime();
                s.execute(step[1]);
                timings.add(String.format("%s %.2f s", step[0], (System.nanoTime() - t) / 1e9));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("steps: " + String.join(", ", timings));
            print(s, "SELECT status, count(*) FROM classified GROUP BY ALL ORDER BY ALL");
            print(s, "SELECT 'csv structure', count(*) FROM csv_errors");
            print(s, "SELECT count(*) AS usage_totals, sum(requests) FROM usage_totals");
            print(s, "SELECT count(*) AS usage_daily FROM usage_daily");
            if (args.length > 4) {
                s.execute("COPY (SELECT * FROM usage_rejects ORDER BY file, line) TO '"
                        + DuckDbFloor.sqlString(args[4]) + "' (HEADER, DELIMITER ',')");
            }
            System.out.printf("duckdb usage step: %.2f s for %d files%n", seconds, files.size());
        } finally {
            try (Stream<Path> left = Files.walk(temp)) {
                left.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void print(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                System.out.println("  " + row);
            }
        }
    }
}
