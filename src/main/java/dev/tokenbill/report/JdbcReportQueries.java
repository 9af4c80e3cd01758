package dev.tokenbill.report;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The queries behind the run's reports: per-file counts, rejects, and the usage-versus-billed check. */
public class JdbcReportQueries {

    private static final int STREAMING_FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;

    public JdbcReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<FileCounts> fileCounts(long runId) {
        return jdbc.query("select file_name, rows_read, accepted, duplicates, rejected, out_of_period, late from usage_file"
                + " where run_id = ?", (rs, n) -> new FileCounts(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)), runId)
                .stream().sorted(java.util.Comparator.comparing(FileCounts::file)).toList();
    }

    /** A plan comparison: {@code amount} and {@code difference} at the currency's scale, or both null and a reason. */
    public record WhatIf(String customerId, String currentPlan, String plan, BigDecimal amount, BigDecimal difference,
            String reason) {
    }

    /** The run's plan comparisons, in customer then plan order, read as {@link RowSource#forEach} hands them out. */
    public RowSource<WhatIf> whatIfs(long runId) {
        return action -> streaming().query("select customer_id, current_plan, plan_id, currency, amount, difference, reason"
                + " from plan_whatif where run_id = ? order by customer_id, plan_id", rs -> {
                    int scale = Money.minorUnits(Currency.getInstance(rs.getString(4)));
                    action.accept(new WhatIf(rs.getString(1), rs.getString(2), rs.getString(3),
                            atScale(rs.getBigDecimal(5), scale), atScale(rs.getBigDecimal(6), scale), rs.getString(7)));
                }, runId);
    }

    /** Stored amounts are numeric(20, 4); a report prints them as the currency does (10.00 USD, 1200 JPY). */
    private static BigDecimal atScale(BigDecimal stored, int scale) {
        return stored == null ? null : stored.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** A template on the same data source (and transaction) that fetches rows a batch at a time, not all at once. */
    private JdbcTemplate streaming() {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(STREAMING_FETCH_SIZE);
        return streaming;
    }

    public record Reject(String file, long line, String eventId, String reason, String raw) {
    }

    /**
     * The run's rejects with their raw records. Conflicting duplicates are found after reading, when
     * the row's text is no longer at hand: their raw record is read back from the usage file.
     */
    public List<Reject> rejects(long runId, java.nio.file.Path usageDir) {
        List<Reject> rejects = rejects(runId);
        java.util.Map<String, java.util.Map<Long, String>> missing = new java.util.HashMap<>();
        for (Reject r : rejects) {
            if (r.raw() == null) {
                missing.computeIfAbsent(r.file(), f -> new java.util.HashMap<>()).put(r.line(), null);
            }
        }
        missing.forEach((file, lines) -> {
            try (dev.tokenbill.csv.CsvSource source = dev.tokenbill.csv.CsvSource.open(usageDir.resolve(file),
                    java.util.Set.of(), java.util.Set.of(), true)) {
                for (dev.tokenbill.csv.CsvRow row = source.next(); row != null; row = source.next()) {
                    if (lines.containsKey(row.line())) {
                        lines.put(row.line(), row.raw());
                    }
                }
            } catch (java.io.IOException | RuntimeException unreadable) {
                // the file changed or went away since the run read it: the reject keeps no raw record
            }
        });
        List<Reject> result = new ArrayList<>();
        for (Reject r : rejects) {
            String raw = r.raw() != null ? r.raw() : missing.get(r.file()).get(r.line());
            result.add(new Reject(r.file(), r.line(), r.eventId(), r.reason(), raw));
        }
        return result;
    }

    public List<Reject> rejects(long runId) {
        List<Reject> rejects = new ArrayList<>(jdbc.query("select file_name, line_no, event_id, reason, raw_text from usage_reject"
                + " where run_id = ?", (rs, n) -> new Reject(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), runId));
        rejects.sort(java.util.Comparator.comparing(Reject::file).thenComparingLong(Reject::line));
        return rejects;
    }

    /**
     * Accepted, de-duplicated quantity per customer and meter (the usage totals) minus the billed
     * usage (invoice lines, included quota counted); all zero when balanced.
     */
    public Map<String, BigDecimal> usageDifferences(long runId) {
        Map<String, BigDecimal> diff = new LinkedHashMap<>();
        jdbc.query("select customer_id, meter, sum(quantity) from usage_total where run_id = ?"
                + " group by customer_id, meter", rs -> {
                    diff.merge(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3), BigDecimal::add);
                }, runId);
        jdbc.query("select customer_id, meter, sum(usage_quantity) from invoice_line where run_id = ? and kind = 'USAGE'"
                + " group by customer_id, meter", rs -> {
                    diff.merge(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3).negate(), BigDecimal::add);
                }, runId);
        diff.values().removeIf(v -> v.signum() == 0);
        return diff;
    }
}
