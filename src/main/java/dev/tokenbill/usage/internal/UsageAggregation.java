package dev.tokenbill.usage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * De-duplicates a run's usage by event id and aggregates accepted usage into usage_total. The first
 * row of an event id in file-name then line order wins (ordered in Java, so the database collation
 * plays no part); a later row with the same content is a DUPLICATE, one with other content is
 * rejected as a conflict. Starts by undoing its own earlier work, so it can run twice.
 */
public class UsageAggregation {

    static final String CONFLICT = "conflicting duplicate: event_id already used by ";
    private static final String VALID = "('ACCEPTED', 'OUT_OF_PERIOD')";

    private final JdbcTemplate jdbc;

    public UsageAggregation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Occurrence(String file, long line, String eventId, String hash) {
    }

    public void run(long runId) {
        jdbc.update("delete from usage_reject where run_id = ? and reason like ?", runId, CONFLICT + "%");
        jdbc.update("update usage_event set status = read_status where run_id = ? and status <> read_status", runId);
        markDuplicates(runId);
        jdbc.update("delete from usage_total where run_id = ?", runId);
        jdbc.update("insert into usage_total (run_id, customer_id, subscription_id, model, meter, price_condition, quantity)"
                + " select e.run_id, e.customer_id, e.subscription_id, e.model, m.meter, e.price_condition, sum(m.quantity)"
                + " from usage_event e join usage_meter m"
                + " on m.run_id = e.run_id and m.file_name = e.file_name and m.line_no = e.line_no"
                + " where e.run_id = ? and e.status = 'ACCEPTED'"
                + " group by e.run_id, e.customer_id, e.subscription_id, e.model, m.meter, e.price_condition", runId);
    }

    private void markDuplicates(long runId) {
        List<Occurrence> rows = new ArrayList<>(jdbc.query("select file_name, line_no, event_id, content_hash from usage_event"
                + " where run_id = ? and read_status in " + VALID + " and event_id in (select event_id from usage_event"
                + " where run_id = ? and read_status in " + VALID + " group by event_id having count(*) > 1)",
                (rs, i) -> new Occurrence(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), runId, runId));
        rows.sort(Comparator.comparing(Occurrence::eventId).thenComparing(Occurrence::file)
                .thenComparingLong(Occurrence::line));
        List<Object[]> duplicates = new ArrayList<>();
        List<Object[]> conflicts = new ArrayList<>();
        List<Object[]> rejects = new ArrayList<>();
        Occurrence first = null;
        for (Occurrence row : rows) {
            if (first == null || !first.eventId().equals(row.eventId())) {
                first = row;
                continue;
            }
            Object[] key = {runId, row.file(), row.line()};
            if (first.hash().equals(row.hash())) {
                duplicates.add(key);
            } else {
                conflicts.add(key);
                rejects.add(new Object[] {runId, row.file(), row.line(), row.eventId(),
                        CONFLICT + first.file() + " line " + first.line() + " with different content"});
            }
        }
        jdbc.batchUpdate("update usage_event set status = 'DUPLICATE' where run_id = ? and file_name = ? and line_no = ?",
                duplicates);
        jdbc.batchUpdate("update usage_event set status = 'REJECTED' where run_id = ? and file_name = ? and line_no = ?",
                conflicts);
        jdbc.batchUpdate("insert into usage_reject (run_id, file_name, line_no, event_id, reason, raw_text)"
                + " values (?, ?, ?, ?, ?, null)", rejects);
    }
}
