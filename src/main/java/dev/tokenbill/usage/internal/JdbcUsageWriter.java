package dev.tokenbill.usage.internal;

import dev.tokenbill.usage.ClassifiedRow;
import dev.tokenbill.usage.RowStatus;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores classified usage rows with JDBC batches: every row in usage_event (the reconciliation
 * counts them), meter quantities of accepted rows in usage_meter, rejected rows in usage_reject.
 * The rows are written in the chunk's transaction, and the writer is idempotent: it first deletes
 * whatever an earlier attempt at the same rows left (a crash after the chunk's commit but before
 * the checkpoint's makes the restart read them again), so a chunk written twice leaves one copy.
 */
public class JdbcUsageWriter implements ItemWriter<ClassifiedRow> {

    /** Raw text of a rejected row is kept up to this many characters (a hostile 10 MB field is cut). */
    static final int MAX_RAW = 4000;

    private final JdbcTemplate jdbc;
    private final long runId;

    public JdbcUsageWriter(JdbcTemplate jdbc, long runId) {
        this.jdbc = jdbc;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends ClassifiedRow> chunk) {
        List<? extends ClassifiedRow> rows = chunk.getItems();
        deleteEarlierAttempt(rows);
        jdbc.batchUpdate("insert into usage_event (run_id, file_name, line_no, read_status, status, event_id, content_hash,"
                + " customer_id, subscription_id, model, usage_day, price_condition) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, rows.size(), (ps, r) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, r.file());
                    ps.setLong(3, r.line());
                    ps.setString(4, r.status().name());
                    ps.setString(5, r.status().name());
                    ps.setString(6, truncate(r.eventId(), 256));
                    ps.setString(7, r.contentHash());
                    ps.setString(8, truncate(r.customerId(), 64));
                    ps.setString(9, r.subscriptionId());
                    ps.setString(10, truncate(r.model(), 256));
                    ps.setDate(11, r.day() == null ? null : Date.valueOf(r.day()));
                    ps.setString(12, r.condition() == null ? null : r.condition().name());
                });
        List<Object[]> meters = new ArrayList<>();
        List<Object[]> rejects = new ArrayList<>();
        for (ClassifiedRow r : rows) {
            if (r.status() == RowStatus.ACCEPTED) {
                for (Map.Entry<String, BigDecimal> m : r.meters().entrySet()) {
                    meters.add(new Object[] {runId, r.file(), r.line(), m.getKey(), m.getValue()});
                }
            } else if (r.status() == RowStatus.REJECTED) {
                rejects.add(new Object[] {runId, r.file(), r.line(), truncate(r.eventId(), 256), truncate(r.reason(), 1000),
                        truncate(r.raw(), MAX_RAW)});
            }
        }
        if (!meters.isEmpty()) {
            jdbc.batchUpdate("insert into usage_meter (run_id, file_name, line_no, meter, quantity) values (?, ?, ?, ?, ?)",
                    meters);
        }
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate("insert into usage_reject (run_id, file_name, line_no, event_id, reason, raw_text)"
                    + " values (?, ?, ?, ?, ?, ?)", rejects);
        }
    }

    /** Chunks hold consecutive rows: delete each file's line range of the chunk from the three tables. */
    private void deleteEarlierAttempt(List<? extends ClassifiedRow> rows) {
        java.util.Map<String, long[]> ranges = new java.util.LinkedHashMap<>();
        for (ClassifiedRow r : rows) {
            long[] range = ranges.computeIfAbsent(r.file(), f -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            range[0] = Math.min(range[0], r.line());
            range[1] = Math.max(range[1], r.line());
        }
        for (var e : ranges.entrySet()) {
            for (String table : List.of("usage_meter", "usage_reject", "usage_event")) {
                jdbc.update("delete from " + table + " where run_id = ? and file_name = ? and line_no between ? and ?",
                        runId, e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
        }
    }

    /** Cuts text to the column's size; NUL becomes U+FFFD, as PostgreSQL refuses NUL in text columns. */
    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        String cut = text.length() <= max ? text : text.substring(0, max);
        return cut.replace('\u0000', '\uFFFD');
    }
}
