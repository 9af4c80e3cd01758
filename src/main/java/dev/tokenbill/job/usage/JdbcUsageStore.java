package dev.tokenbill.job.usage;

import static dev.tokenbill.database.BulkInsert.column;

import dev.tokenbill.database.BulkInsert;
import dev.tokenbill.database.RunKeys;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.pipeline.AggregatedUsage;
import dev.tokenbill.usage.pipeline.BilledEvent;
import dev.tokenbill.usage.pipeline.BilledEvents;
import dev.tokenbill.usage.pipeline.DailyRequests;
import dev.tokenbill.usage.pipeline.FileTally;
import dev.tokenbill.usage.pipeline.UsageReject;
import dev.tokenbill.usage.pipeline.UsageSink;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The usage pipeline's results in the database, written in batches (totals and requests per day with
 * {@link BulkInsert}: COPY on PostgreSQL): rejects
 * (usage_reject), totals (usage_total), per-file counts (usage_file), requests per day (usage_daily) and, for a
 * final run, the events it billed (billed_event_block, packed by {@link BilledEventBlocks}); and the billed events
 * of final periods, for later runs.
 *
 * <p>With a transaction manager, {@link #clear} and every batch commit in a transaction of their
 * own (the step's transaction does not hold them): a run with ten million events stores some
 * 600,000 totals, and one transaction that large cost H2 16 s at commit. This is safe because
 * the usage step is repeatable: it starts with {@link #clear}, and nothing reads these rows before
 * the step has completed.
 */
public class JdbcUsageStore implements UsageSink {

    private static final BulkInsert TOTAL_ROWS = BulkInsert.into("usage_total", column("run_id", Types.BIGINT),
            column("customer_id", Types.VARCHAR), column("subscription_id", Types.VARCHAR), column("model", Types.VARCHAR),
            column("meter", Types.VARCHAR), column("price_condition", Types.VARCHAR), column("quantity", Types.NUMERIC));
    private static final BulkInsert DAILY_ROWS = BulkInsert.into("usage_daily", column("run_id", Types.BIGINT),
            column("customer_id", Types.VARCHAR), column("first_day", Types.DATE), column("requests", Types.VARCHAR));

    private final JdbcTemplate jdbc;
    private final long runId;
    private final TransactionTemplate ownTransaction;
    private int nextBlock;

    /** Writes in the caller's transaction, if any. */
    public JdbcUsageStore(JdbcTemplate jdbc, long runId) {
        this(jdbc, runId, null);
    }

    /** Writes each batch in a new transaction of {@code transactions}. */
    public JdbcUsageStore(JdbcTemplate jdbc, long runId, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.runId = runId;
        if (transactions == null) {
            this.ownTransaction = null;
        } else {
            this.ownTransaction = new TransactionTemplate(transactions);
            this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    private void inTransaction(Runnable work) {
        if (ownTransaction == null) {
            work.run();
        } else {
            ownTransaction.executeWithoutResult(status -> work.run());
        }
    }

    public void clear() {
        inTransaction(() -> {
            for (String table : List.of("usage_reject", "usage_total", "usage_file", "usage_daily", "billed_event_block",
                    "billed_event")) {
                jdbc.update("delete from " + table + " where run_id = ?", runId);
            }
        });
        nextBlock = 0;
    }

    @Override
    public void rejects(List<UsageReject> rejects) {
        inTransaction(() -> jdbc.batchUpdate("insert into usage_reject (run_id, file_name, line_no, event_id, reason, raw_text)"
                + " values (?, ?, ?, ?, ?, ?)", rejects, rejects.size(), (ps, r) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, r.file());
                    ps.setLong(3, r.line());
                    ps.setString(4, text(r.eventId()));
                    ps.setString(5, text(r.reason()));
                    ps.setString(6, text(r.raw()));
                }));
    }

    @Override
    public void totals(List<AggregatedUsage> totals) {
        List<Object[]> rows = new ArrayList<>(totals.size());
        for (AggregatedUsage t : totals) {
            rows.add(new Object[] {runId, t.customerId(), t.total().subscriptionId(), t.total().model(), t.total().meter(),
                t.total().condition().name(), t.total().quantity()});
        }
        inTransaction(() -> TOTAL_ROWS.insert(jdbc, rows));
    }

    @Override
    public void files(List<FileTally> files) {
        inTransaction(() -> jdbc.batchUpdate("insert into usage_file (run_id, file_name, rows_read, accepted, duplicates, rejected, out_of_period,"
                + " late) values (?, ?, ?, ?, ?, ?, ?, ?)", files, files.size(), (ps, f) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, f.file());
                    ps.setLong(3, f.read());
                    ps.setLong(4, f.accepted());
                    ps.setLong(5, f.duplicates());
                    ps.setLong(6, f.rejected());
                    ps.setLong(7, f.outOfPeriod());
                    ps.setLong(8, f.late());
                }));
    }

    /** Packs the events into blocks, numbered on from the blocks of earlier calls, and inserts them in one batch. */
    @Override
    public void billed(List<BilledEvent> billed) {
        List<BilledEventBlocks.Block> blocks = BilledEventBlocks.pack(billed);
        if (blocks.isEmpty()) {
            return;
        }
        int first = nextBlock;
        nextBlock += blocks.size();
        List<Integer> indexes = IntStream.range(0, blocks.size()).boxed().toList();
        inTransaction(() -> jdbc.batchUpdate("insert into billed_event_block (run_id, block_no, events, packed)"
                + " values (?, ?, ?, ?)", indexes, indexes.size(), (ps, i) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, first + i);
                    ps.setInt(3, blocks.get(i).events());
                    ps.setBytes(4, blocks.get(i).bytes());
                }));
    }

    /**
     * The periods of the run's interval, other than the run's own, that are billed final, each with its latest
     * completed final run (a correction run replaces the run it corrects, and records what it billed itself).
     */
    public static Map<String, Long> finalRuns(JdbcTemplate jdbc, BillingPeriod period) {
        Map<String, Long> runs = new HashMap<>();
        jdbc.query("select period, max(run_id) from billing_run where mode = 'FINAL' and status = 'COMPLETED'"
                + " and period <> ? group by period", rs -> {
                    String label = rs.getString(1);
                    if (label.length() == period.label().length()) { // 2026-10 (monthly) or 2026-10-21 (daily)
                        runs.put(label, rs.getLong(2));
                    }
                }, period.label());
        return runs;
    }

    /**
     * The events billed by the given final runs (by period), a few blocks at a time, in the order they were recorded
     * (see {@link BilledEventReader}).
     */
    public static BilledEvents billedEvents(JdbcTemplate jdbc, Map<String, Long> finalRuns) {
        return new BilledEventReader(jdbc, finalRuns);
    }

    @Override
    public void daily(List<DailyRequests> daily) {
        List<Object[]> rows = new ArrayList<>(daily.size());
        for (DailyRequests d : daily) {
            rows.add(new Object[] {runId, d.customerId(), d.firstDay(),
                Arrays.stream(d.requests()).mapToObj(Long::toString).collect(Collectors.joining(","))});
        }
        inTransaction(() -> DAILY_ROWS.insert(jdbc, rows));
    }

    /** Requests per day of these customers (those with accepted usage), by customer id. */
    public static Map<String, long[]> daily(JdbcTemplate jdbc, long runId, Collection<String> customerIds) {
        Map<String, long[]> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.query("select t.customer_id, t.requests from " + RunKeys.join("usage_daily", "customer_id", customerIds.size()),
                rs -> {
                    result.put(rs.getString(1), Arrays.stream(rs.getString(2).split(",")).mapToLong(Long::parseLong).toArray());
                }, RunKeys.args(customerIds, runId));
        return result;
    }

    /** PostgreSQL refuses NUL in text columns: it becomes U+FFFD. */
    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
