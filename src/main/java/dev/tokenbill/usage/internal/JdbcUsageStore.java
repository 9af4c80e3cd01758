package dev.tokenbill.usage.internal;

import dev.tokenbill.usage.pipeline.AggregatedUsage;
import dev.tokenbill.usage.pipeline.FileTally;
import dev.tokenbill.usage.pipeline.UsageReject;
import dev.tokenbill.usage.pipeline.UsageSink;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The usage pipeline's results in the database, written with JDBC batches in the caller's
 * transaction: rejects (usage_reject), totals (usage_total) and per-file counts (usage_file).
 * {@link #clear} removes a run's rows first, so the usage step can run again after a failure.
 */
public class JdbcUsageStore implements UsageSink {

    private final JdbcTemplate jdbc;
    private final long runId;

    public JdbcUsageStore(JdbcTemplate jdbc, long runId) {
        this.jdbc = jdbc;
        this.runId = runId;
    }

    public void clear() {
        for (String table : List.of("usage_reject", "usage_total", "usage_file")) {
            jdbc.update("delete from " + table + " where run_id = ?", runId);
        }
    }

    @Override
    public void rejects(List<UsageReject> rejects) {
        jdbc.batchUpdate("insert into usage_reject (run_id, file_name, line_no, event_id, reason, raw_text)"
                + " values (?, ?, ?, ?, ?, ?)", rejects, rejects.size(), (ps, r) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, r.file());
                    ps.setLong(3, r.line());
                    ps.setString(4, text(r.eventId()));
                    ps.setString(5, text(r.reason()));
                    ps.setString(6, text(r.raw()));
                });
    }

    @Override
    public void totals(List<AggregatedUsage> totals) {
        jdbc.batchUpdate("insert into usage_total (run_id, customer_id, subscription_id, model, meter, price_condition,"
                + " quantity) values (?, ?, ?, ?, ?, ?, ?)", totals, totals.size(), (ps, t) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, t.customerId());
                    ps.setString(3, t.total().subscriptionId());
                    ps.setString(4, t.total().model());
                    ps.setString(5, t.total().meter());
                    ps.setString(6, t.total().condition().name());
                    ps.setBigDecimal(7, t.total().quantity());
                });
    }

    @Override
    public void files(List<FileTally> files) {
        jdbc.batchUpdate("insert into usage_file (run_id, file_name, rows_read, accepted, duplicates, rejected, out_of_period)"
                + " values (?, ?, ?, ?, ?, ?, ?)", files, files.size(), (ps, f) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, f.file());
                    ps.setLong(3, f.read());
                    ps.setLong(4, f.accepted());
                    ps.setLong(5, f.duplicates());
                    ps.setLong(6, f.rejected());
                    ps.setLong(7, f.outOfPeriod());
                });
    }

    /** PostgreSQL refuses NUL in text columns: it becomes U+FFFD. */
    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
