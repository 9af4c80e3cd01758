package dev.tokenbill.bench;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL a provider would write instead of tokenbill, in the benchmark's own in-process DuckDB: typed
 * {@code read_csv} of every usage file, optionally first occurrence per event id, one GROUP BY per customer and
 * model summing every meter. Not part of the product: DuckDB is a test-scope dependency.
 */
final class DuckDbFloor {

    /** The engine keeps 26 integer and 12 fractional digits (UsageClassifier), exactly a DECIMAL(38,12). */
    static final String QUANTITY = "DECIMAL(38,12)";

    private DuckDbFloor() {
    }

    /**
     * Opens an in-memory DuckDB on 2 threads, spilling to {@code temp} past {@code memoryLimitMb}, with extension
     * download and auto-loading off: only what the jar bundles (read_csv, ICU) is used, so it runs offline.
     */
    static Connection open(Path temp, long memoryLimitMb, int threads) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET threads = " + threads);
            s.execute("SET memory_limit = '" + memoryLimitMb + "MB'");
            s.execute("SET temp_directory = '" + sqlString(temp.toString()) + "'");
        }
        return c;
    }

    /**
     * Seconds for the GROUP BY over all files, with or without keeping only the first row of each event id (in
     * file-name, then line order). Rows whose cells do not cast to their type are skipped, as a floor should.
     */
    static double seconds(List<Path> files, Path temp, long memoryLimitMb, boolean deduplicate) throws Exception {
        List<String> meters = meters(files.get(0));
        String sums = meters.stream().map(m -> "sum(" + quoted(m) + ")").collect(Collectors.joining(", "));
        String scan = scan(files, columns(meters, "TIMESTAMPTZ", QUANTITY), "ignore_errors = true");
        String rows = deduplicate
                // row_number() over () numbers the scan in its order: files as listed, lines in file order
                ? "(SELECT DISTINCT ON (event_id) * FROM (SELECT *, row_number() OVER () AS seq FROM " + scan + ")"
                        + " ORDER BY event_id, seq)"
                : scan;
        String sql = "SELECT customer_id, model, " + sums + ", count(*) FROM " + rows + " GROUP BY customer_id, model";
        try (Connection c = open(temp, memoryLimitMb, 2); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            int groups = 0;
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    groups++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("duckdb %s: %d groups, %.2f s%n", deduplicate ? "DISTINCT ON + GROUP BY" : "GROUP BY", groups,
                    seconds);
            return seconds;
        }
    }

    /** A read_csv of the files in the order given, with the column types given as a DuckDB struct literal. */
    static String scan(List<Path> files, String columns, String options) {
        String list = files.stream().map(f -> "'" + sqlString(f.toString()) + "'").collect(Collectors.joining(", "));
        return "read_csv([" + list + "], header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
                + "columns = " + columns + ", " + options + ")";
    }

    /** The four fixed columns, then the meters; meters typed {@code meterType}, the timestamp {@code timestampType}. */
    static String columns(List<String> meters, String timestampType, String meterType) {
        StringBuilder columns = new StringBuilder("{'event_id': 'VARCHAR', 'timestamp': '" + timestampType + "', "
                + "'customer_id': 'VARCHAR', 'model': 'VARCHAR'");
        for (String meter : meters) {
            columns.append(", '").append(sqlString(meter)).append("': '").append(meterType).append("'");
        }
        return columns.append('}').toString();
    }

    /** Every column after event_id, timestamp, customer_id and model; the generator writes one header everywhere. */
    static List<String> meters(Path file) throws Exception {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = Arrays.asList(in.readLine().replace("\uFEFF", "").split(","));
            if (!header.subList(0, 4).equals(List.of("event_id", "timestamp", "customer_id", "model"))) {
                throw new IllegalStateException(file + ": expected the generator's column order, found " + header);
            }
            return header.subList(4, header.size());
        }
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String sqlString(String text) {
        return text.replace("'", "''");
    }
}
