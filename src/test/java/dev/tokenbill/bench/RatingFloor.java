package dev.tokenbill.bench;

import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.invoice.internal.JdbcPrepaidFees;
import dev.tokenbill.invoice.internal.JdbcUsageTotals;
import dev.tokenbill.job.rating.CustomerToRate;
import dev.tokenbill.job.rating.CustomerToRateReader;
import dev.tokenbill.job.rating.RateCustomerProcessor;
import dev.tokenbill.job.rating.RatedCustomer;
import dev.tokenbill.job.run.RunContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The rating step's own work without its database writes and without Spring Batch: the job's customers, read after
 * the job by the job's reader from the job's database (timed apart), rated by the job's processor (the engine, tax,
 * service periods and the plan what-if comparison) in a plain loop on {@code threads} threads, each thread a
 * contiguous share of the customers. The first pass is cold, as in the job's JVM; then, after passes until 100,000
 * customers have been rated in all (the JIT takes about 60,000 to finish), one timed warm pass: the floor in the sense
 * of the JasperReports one. What the job's rateCustomers adds on top is its writes, commits and chunks.
 */
final class RatingFloor {

    record Figures(int customers, int invoices, double readSeconds, double coldSeconds, double warmSeconds) {

        double coldPerSecond() {
            return customers / coldSeconds;
        }

        double warmPerSecond() {
            return customers / warmSeconds;
        }
    }

    /** Customers rated (the cold pass included) before the warm pass is timed. */
    private static final long WARM_UP_CUSTOMERS = 100_000;

    private RatingFloor() {
    }

    /**
     * By hand, after a run on an H2 file: {@code java -cp ... dev.tokenbill.bench.RatingFloor DB_FILE INPUT [THREADS]}
     * (DB_FILE as in TOKENBILL_DB, without .mv.db).
     */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        // H2 takes a relative file name only as ./name: made absolute
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath(), "sa",
                "")) {
            Figures f = measure(c, Path.of(args[1]), Path.of("target/rating-floor-out"), threads);
            System.out.printf("%d customers, %d invoices: read %.2f s, rated cold %.2f s (%.0f/s), warm %.2f s (%.0f/s)%n",
                    f.customers(), f.invoices(), f.readSeconds(), f.coldSeconds(), f.coldPerSecond(), f.warmSeconds(),
                    f.warmPerSecond());
        }
    }

    static Figures measure(Connection connection, Path input, Path output, int threads) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        long runId = jdbc.queryForObject("select max(run_id) from customer", Long.class);
        String period = "2026-10";
        long start = System.nanoTime();
        CustomerToRateReader reader = new CustomerToRateReader(new JdbcCustomerDao(jdbc), new JdbcUsageTotals(jdbc),
                new JdbcCreditDao(jdbc), new JdbcAllocationDao(jdbc), new JdbcPrepaidFees(jdbc), runId, period, 500);
        reader.open(new ExecutionContext());
        List<CustomerToRate> customers = new ArrayList<>();
        for (CustomerToRate c = reader.read(); c != null; c = reader.read()) {
            customers.add(c);
        }
        reader.close();
        double readSeconds = (System.nanoTime() - start) / 1e9;
        RunContext run = RunContext.of(runId, period, "DRAFT", input.toString(), output.toString());
        RateCustomerProcessor processor = new RateCustomerProcessor(run.catalog(), run.period());
        AtomicLong invoices = new AtomicLong();
        double cold = ratePass(processor, customers, threads, invoices);
        long coldInvoices = invoices.getAndSet(0);
        // the JIT needs about 60,000 customers to finish with the rating code: passes until 100,000 have been rated
        for (long rated = customers.size(); rated < WARM_UP_CUSTOMERS && !customers.isEmpty(); rated += customers.size()) {
            ratePass(processor, customers, threads, invoices);
            invoices.set(0);
        }
        double warm = ratePass(processor, customers, threads, invoices);
        if (invoices.get() != coldInvoices) {
            throw new IllegalStateException("the two passes rated differently: " + coldInvoices + " and " + invoices);
        }
        return new Figures(customers.size(), (int) coldInvoices, readSeconds, cold, warm);
    }

    private static double ratePass(RateCustomerProcessor processor, List<CustomerToRate> customers, int threads,
            AtomicLong invoices) throws Exception {
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        int share = (customers.size() + threads - 1) / threads;
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            List<CustomerToRate> mine = customers.subList(Math.min(customers.size(), t * share),
                    Math.min(customers.size(), (t + 1) * share));
            Thread worker = new Thread(() -> {
                long rated = 0;
                for (CustomerToRate customer : mine) {
                    RatedCustomer result = processor.process(customer);
                    if (result != null) {
                        rated++;
                    }
                }
                invoices.addAndGet(rated);
            }, "rating-floor-" + t);
            worker.setUncaughtExceptionHandler((th, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("rating failed", failures.get(0));
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
