package dev.tokenbill.bench;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.invoice.pdf.InvoicePdfRenderer;
import dev.tokenbill.invoice.pdf.InvoiceView;
import dev.tokenbill.testsupport.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark behind bench/run.sh: the real job in its own JVM, and side by side, on the same
 * files, the floors a user would compare it with. Prints a table, then one JSON line.
 */
public final class Benchmark {

    private static final List<String> BILLING_STEPS = List.of("validateInputs", "loadCustomers", "prepareUsage",
            "readUsage", "sumUsage", "checkUsage", "allocateCosts", "rateCustomers", "numberInvoices");

    public static void main(String[] args) throws Exception {
        long events = 1_000_000;
        int threads = Runtime.getRuntime().availableProcessors();
        String xmx = "1g";
        String database = "h2";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--xmx" -> xmx = args[++i];
                case "--database" -> database = args[++i];
                default -> throw new IllegalArgumentException(
                        "usage: bench/run.sh --events N [--threads T] [--xmx SIZE] [--database h2|postgresql]");
            }
        }
        int customers = (int) Math.max(100, events / 100);
        Path work = Path.of("target/bench/" + events).toAbsolutePath();
        Path input = work.resolve("input");
        if (!Files.exists(input.resolve("customers.csv"))) {
            SyntheticInput.write(input, GeneratorSpec.of(customers, events, "2026-10", 42L), true);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", events);

        JobFigures job;
        JobDatabase jobDatabase;
        if (database.equals("postgresql")) {
            // the job's database on the tests' embedded PostgreSQL (zonky; stopped when the benchmark's JVM ends)
            String url = EmbeddedPostgresServer.createDatabase();
            jobDatabase = () -> java.sql.DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
            job = runJob(work, input, xmx, threads, Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                    "SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER), jobDatabase);
        } else if (database.equals("h2")) {
            Path db = work.resolve("db-" + System.nanoTime());
            jobDatabase = () -> java.sql.DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
            job = runJob(work, input, xmx, threads, Map.of("TOKENBILL_DB", db.toString()), jobDatabase);
        } else {
            throw new IllegalArgumentException("--database is h2 or postgresql, got " + database);
        }
        result.put("database", database);
        result.put("seconds", round(job.billingSeconds));
        result.put("events_per_s", Math.round(job.rows / job.billingSeconds));
        result.put("opencsv_floor_events_per_s", Math.round(opencsvFloor(input)));
        result.put("postgres_sql_events_per_s", Math.round(postgresCopyGroupBy(input)));
        // DuckDB on 2 threads, within the job's -Xmx as its memory_limit; rows are the files' rows, as for the job
        Path duckTemp = work.resolve("duckdb.tmp");
        result.put("duckdb_sql_events_per_s",
                Math.round(job.rows / DuckDbFloor.seconds(usageFiles(input), duckTemp, megabytes(xmx), true)));
        result.put("duckdb_group_events_per_s",
                Math.round(job.rows / DuckDbFloor.seconds(usageFiles(input), duckTemp, megabytes(xmx), false)));
        RatingFloor.Figures rating;
        try (Connection c = jobDatabase.connect()) {
            rating = RatingFloor.measure(c, input, work.resolve("out"), threads);
        }
        System.out.printf("rating floor: %d customers read in %.2f s (one thread), rated (%d invoices) in %.2f s cold,"
                + " %.2f s warm, %d threads; the job's rateCustomers %.2f s%n", rating.customers(), rating.readSeconds(),
                rating.invoices(), rating.coldSeconds(), rating.warmSeconds(), threads, job.steps.get("rateCustomers"));
        result.put("rating_customers_per_s", Math.round(rating.customers() / job.steps.get("rateCustomers")));
        result.put("rating_floor_cold_customers_per_s", Math.round(rating.coldPerSecond()));
        result.put("rating_floor_customers_per_s", Math.round(rating.warmPerSecond()));
        result.put("invoices", job.invoices);
        result.put("invoices_per_s", round(job.invoices / job.renderSeconds));
        result.put("jasper_floor_invoices_per_s", round(jasperFloor(job.invoices)));
        result.put("wall_seconds", round(job.wallSeconds));
        result.put("peak_heap_mb", job.peakHeapMb);
        result.put("peak_rss_mb", job.peakRssMb);
        result.put("threads", threads);
        result.put("xmx_mb", megabytes(xmx));
        result.put("partitions", job.partitions);

        System.out.println();
        System.out.printf("%-30s %s%n", "figure", "value");
        result.forEach((k, v) -> System.out.printf("%-30s %s%n", k, v));
        System.out.println("job steps (s): " + job.steps);
        System.out.printf("%-18s %10s %8s %8s %14s%n", "partitioned step", "partitions", "mean_s", "max_s", "max_over_mean");
        job.partitions.forEach((step, p) -> System.out.printf("%-18s %10s %8s %8s %14s%n", step, p.get("count"),
                p.get("mean_s"), p.get("max_s"), p.get("max_over_mean")));
        System.out.println(JsonMapper.builder().build().writeValueAsString(result));
    }

    /** A connection to the job's database, to read its partitions' timings from the job repository. */
    interface JobDatabase {
        Connection connect() throws Exception;
    }

    record JobFigures(long rows, double billingSeconds, double renderSeconds, long invoices, double wallSeconds,
            long peakHeapMb, long peakRssMb, Map<String, Double> steps, Map<String, Map<String, Object>> partitions) {
    }

    /**
     * For each partitioned step, its partitions' count, mean and slowest wall time and slowest over mean, from the
     * job repository's partition executions ({@code <step>Partition:partitionN}) of the run's last execution.
     */
    static Map<String, Map<String, Object>> partitionTimings(Connection c) throws Exception {
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select step_name, start_time, end_time"
                + " from batch_step_execution where step_name like '%Partition:%' and job_execution_id ="
                + " (select max(job_execution_id) from batch_job_execution) order by step_execution_id")) {
            while (rs.next()) {
                String step = rs.getString(1).substring(0, rs.getString(1).indexOf("Partition:"));
                java.sql.Timestamp start = rs.getTimestamp(2);
                java.sql.Timestamp end = rs.getTimestamp(3);
                if (start != null && end != null) {
                    seconds.computeIfAbsent(step, k -> new ArrayList<>()).add((end.getTime() - start.getTime()) / 1000.0);
                }
            }
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        seconds.forEach((step, times) -> {
            double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double max = times.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("count", times.size());
            figures.put("mean_s", round(mean));
            figures.put("max_s", round(max));
            figures.put("max_over_mean", mean > 0 ? round(max / mean) : 0);
            result.put(step, figures);
        });
        return result;
    }

    /**
     * Runs the real jar; peak RSS is the child JVM's VmHWM (resident high-water mark: heap, metaspace, code cache,
     * thread stacks, direct and native buffers), polled from /proc every 100 ms until it exits.
     */
    private static JobFigures runJob(Path work, Path input, String xmx, int threads, Map<String, String> database,
            JobDatabase repository) throws Exception {
        Path out = work.resolve("out");
        List<String> command = List.of("java", "-Xmx" + xmx, "-jar", "target/tokenbill.jar", "run", "--period", "2026-10",
                "--input", input.toString(), "--output", out.toString(), "--tokenbill.threads=" + threads);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("job.log").toFile());
        builder.environment().putAll(database);
        builder.environment().put("TOKENBILL_LOG", work.resolve("tokenbill.log").toString());
        long start = System.nanoTime();
        Process process = builder.start();
        long peakRss = 0;
        Path status = Path.of("/proc/" + process.pid() + "/status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakRss = Math.max(peakRss, Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                    }
                }
            } catch (Exception ended) {
                // the process exited between isAlive and the read
            }
            Thread.sleep(100);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the job failed; see " + work.resolve("job.log"));
        }
        JsonNode run = JsonMapper.builder().build().readTree(out.resolve("2026-10/run.json").toFile());
        long rows = 0;
        for (JsonNode f : run.get("files")) {
            rows += f.get("rows_read").asLong();
        }
        Map<String, Double> steps = new LinkedHashMap<>();
        double billing = 0;
        double render = 0;
        for (JsonNode s : run.get("steps")) {
            double seconds = s.get("seconds").asDouble();
            steps.put(s.get("name").asString(), seconds);
            if (BILLING_STEPS.contains(s.get("name").asString())) {
                billing += seconds;
            }
            if (s.get("name").asString().equals("renderInvoices")) {
                render = seconds;
            }
        }
        long heap = run.has("jvm") ? run.get("jvm").get("peak_heap_mb").asLong() : -1;
        Map<String, Map<String, Object>> partitions;
        try (Connection c = repository.connect()) {
            partitions = partitionTimings(c);
        }
        return new JobFigures(rows, billing, render, run.get("invoice_count").asLong(), wall, heap, peakRss, steps,
                partitions);
    }

    /** opencsv reading every usage file and summing the meters as decimals: no validation, no billing. */
    private static double opencsvFloor(Path input) throws Exception {
        long rows = 0;
        BigDecimal sum = BigDecimal.ZERO;
        long start = System.nanoTime();
        for (Path file : usageFiles(input)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVReader csv = new CSVReaderBuilder(in).build()) {
                csv.readNext();
                for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                    rows++;
                    for (int i = 4; i < row.length; i++) {
                        if (!row[i].isEmpty()) {
                            try {
                                sum = sum.add(new BigDecimal(row[i]));
                            } catch (NumberFormatException bad) {
                                // dirty rows are part of the workload
                            }
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("opencsv floor: " + rows + " rows, meter sum " + sum.toPlainString() + ", " + round(seconds) + " s");
        return rows / seconds;
    }

    /** What a provider might write instead: COPY the files into PostgreSQL, then one GROUP BY. */
    private static double postgresCopyGroupBy(Path input) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            // each line lands whole (dirty rows with a wrong column count would stop a CSV COPY), then one
            // GROUP BY splits it; the sample's rows hold no quoted commas, so split_part is exact
            s.execute("create unlogged table usage_raw (line text)");
            long start = System.nanoTime();
            long rows = 0;
            for (Path file : usageFiles(input)) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    in.readLine();
                    rows += c.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("copy usage_raw from stdin with (format text, delimiter E'\\x01')", in);
                }
            }
            String number = "'^[0-9]+(\\.[0-9]+)?$'";
            StringBuilder sums = new StringBuilder();
            for (int i = 5; i <= 8; i++) {
                sums.append(", sum(case when split_part(line, ',', ").append(i).append(") ~ ").append(number)
                        .append(" then cast(split_part(line, ',', ").append(i).append(") as numeric) else 0 end)");
            }
            String sql = "select split_part(line, ',', 3), split_part(line, ',', 4)" + sums + ", count(*) from usage_raw"
                    + " group by split_part(line, ',', 3), split_part(line, ',', 4)";
            int groups = 0;
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    groups++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("postgres COPY + GROUP BY: " + rows + " rows, " + groups + " groups, " + round(seconds) + " s");
            return rows / seconds;
        }
    }

    /** JasperReports filling and exporting the same template in a plain loop, one thread. */
    private static double jasperFloor(long invoices) throws Exception {
        InvoicePdfRenderer renderer = new InvoicePdfRenderer(Path.of("templates/invoice.jrxml"));
        List<InvoiceView.LineView> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(InvoiceView.LineView.charge("gpt-4o, input tokens " + i, "1,234,567", "2.50 / 1M", "3.09"));
        }
        InvoiceView view = new InvoiceView("en", "INVOICE", "TB-000001", false, "2026-11-01", "Net 30 – due 2026-12-01",
                "2026-10-01 – 2026-10-31", "USD", "Seller", "Street 1\nCity", "TAX-1", "billing@example.com", "cust-1",
                "Customer One", "Road 2\nTown", "US", "a@example.com", "", lines, "USD 24.72", List.of(),
                List.of(new InvoiceView.TotalView("Sales tax 0% on USD 24.72", "USD 0.00")), "USD 24.72", "",
                "USD 24.72", "", "IBAN: IE29 AIBK 9311 5212 3456 78",
                List.of(new InvoiceView.UsageView("gpt-4o", "input tokens", "9,876,536")),
                new InvoiceView.DailyView(java.util.stream.LongStream.range(0, 31).map(d -> 1000 + d * 37 % 500).toArray(),
                        "2026-10-01", "2026-10-31", "1,481 on 2026-10-13"));
        for (int i = 0; i < 30; i++) {
            renderer.renderBytes(view);
        }
        int n = (int) Math.max(100, Math.min(invoices, 1000));
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            renderer.renderBytes(view);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static List<Path> usageFiles(Path input) throws Exception {
        try (Stream<Path> files = Files.list(input.resolve("usage"))) {
            return files.sorted().toList();
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static long megabytes(String size) {
        String s = size.toLowerCase();
        long n = Long.parseLong(s.replaceAll("[^0-9]", ""));
        return s.endsWith("g") ? n * 1024 : s.endsWith("m") ? n : n / (1024 * 1024);
    }
}
