package dev.tokenbill.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of the DuckDB usage-step prototype ({@link DuckDbUsageBench}), in order, each named for its
 * timing. Reason texts are tokenbill's (UsageClassifier, UsagePipeline.CONFLICT).
 */
final class DuckDbUsageSql {

    /** What OffsetDateTime.parse accepts, in shape; DuckDB's cast alone also takes a space or no offset. */
    private static final String ISO_INSTANT =
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)";

    private final List<Path> files;
    private final List<String> meters;
    private final LocalDate from;
    private final LocalDate until;
    private final String zone;

    DuckDbUsageSql(List<Path> files, List<String> meters, String period, String zone) {
        this.files = files;
        this.meters = meters;
        boolean daily = period.length() == 10;
        this.from = daily ? LocalDate.parse(period) : YearMonth.parse(period).atDay(1);
        this.until = daily ? from.plusDays(1) : from.plusMonths(1);
        this.zone = zone;
    }

    List<String[]> steps() {
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"files", filesTable()});
        // every cell as text: tokenbill's reason texts need the cell as written; store_rejects keeps the lines
        // that do not split into the header's columns, with their line numbers
        steps.add(new String[] {"scan", "CREATE TEMP TABLE raw AS SELECT file_index AS file, row_number() OVER () AS seq, * "
                + "FROM " + DuckDbFloor.scan(files, DuckDbFloor.columns(meters, "VARCHAR", "VARCHAR"),
                        "store_rejects = true, rejects_table = 'csv_errors', rejects_scan = 'csv_scans'")});
        steps.add(new String[] {"check", checked()});
        steps.add(new String[] {"first occurrences", "CREATE TEMP TABLE firsts AS SELECT event_id, min(seq) AS first_seq, "
                + "arg_min(content, seq) AS first_content FROM checked WHERE reason IS NULL GROUP BY event_id"});
        steps.add(new String[] {"classify", classified()});
        steps.add(new String[] {"aggregate daily", daily()});
        steps.add(new String[] {"aggregate totals", totals()});
        steps.add(new String[] {"reject lines", rejectLines()});
        return steps;
    }

    private String filesTable() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            values.append(i > 0 ? ", " : "").append('(').append(i).append(", '")
                    .append(DuckDbFloor.sqlString(files.get(i).toString())).append("', '")
                    .append(DuckDbFloor.sqlString(files.get(i).getFileName().toString())).append("')");
        }
        return "CREATE TEMP TABLE files AS SELECT * FROM (VALUES " + values + ") AS t(file, path, name)";
    }

    /** One reason per row, the first failing check in tokenbill's order; null for a valid row. */
    private String checked() {
        StringBuilder reason = new StringBuilder("CASE WHEN coalesce(trim(event_id), '') = '' THEN 'missing event_id' "
                + "WHEN ts_value IS NULL THEN 'timestamp ''' || coalesce(\"timestamp\", '') "
                + "|| ''' is not an ISO-8601 instant such as 2026-10-05T13:45:12.345Z' ");
        StringBuilder content = new StringBuilder("md5_number(concat_ws(chr(31), trim(event_id), trim(\"timestamp\"), "
                + "trim(customer_id), trim(model)");
        StringBuilder keep = new StringBuilder();
        for (String meter : meters) {
            String t = "trim(coalesce(" + DuckDbFloor.quoted(meter) + ", ''))";
            String m = DuckDbFloor.sqlString(meter);
            reason.append("WHEN ").append(t).append(" <> '' AND NOT regexp_full_match(").append(t)
                    .append(", '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?') THEN '").append(m)
                    .append(" ''' || ").append(t).append(" || ''' is not a number' ");
            reason.append("WHEN starts_with(").append(t).append(", '-') AND regexp_matches(").append(t)
                    .append(", '[1-9]') THEN '").append(m).append(" ' || ").append(t).append(" || ' is negative' ");
            // exponents are left to the cast; tokenbill counts digits after applying them
            reason.append("WHEN length(ltrim(split_part(ltrim(").append(t).append(", '+'), '.', 1), '0')) > 26 THEN '")
                    .append(m).append(" ' || ").append(t)
                    .append(" || ' is too large (more than 26 digits before the decimal point)' ");
            reason.append("WHEN length(rtrim(split_part(").append(t).append(", '.', 2), '0')) > 12 THEN '").append(m)
                    .append(" ' || ").append(t).append(" || ' has more than 12 decimals' ");
            content.append(", ").append(t);
            keep.append(", ").append(DuckDbFloor.quoted(meter));
        }
        reason.append("END");
        content.append("))");
        return "CREATE TEMP TABLE checked AS SELECT file, seq, trim(event_id) AS event_id, trim(customer_id) AS customer_id, "
                + "trim(model) AS model, CAST(timezone('" + DuckDbFloor.sqlString(zone) + "', ts_value) AS DATE) AS day"
                + keep + ", " + content + " AS content, " + reason + " AS reason "
                + "FROM (SELECT *, CASE WHEN regexp_full_match(trim(\"timestamp\"), '" + ISO_INSTANT + "') "
                + "THEN try_cast(trim(\"timestamp\") AS TIMESTAMPTZ) END AS ts_value FROM raw)";
    }

    private String classified() {
        return "CREATE TEMP TABLE classified AS SELECT c.*, f.first_seq, CASE WHEN c.reason IS NOT NULL THEN 'rejected' "
                + "WHEN c.seq = f.first_seq THEN CASE WHEN c.day >= DATE '" + from + "' AND c.day < DATE '" + until
                + "' THEN 'accepted' ELSE 'out_of_period' END "
                + "WHEN c.content = f.first_content THEN 'duplicate' ELSE 'conflict' END AS status "
                + "FROM checked c LEFT JOIN firsts f ON c.event_id = f.event_id";
    }

    private String daily() {
        StringBuilder sums = new StringBuilder();
        for (String meter : meters) {
            String q = DuckDbFloor.quoted(meter);
            sums.append(", sum(CAST(nullif(trim(").append(q).append("), '') AS ").append(DuckDbFloor.QUANTITY)
                    .append(")) AS ").append(q);
        }
        return "CREATE TEMP TABLE usage_daily AS SELECT customer_id, model, day, count(*) AS requests" + sums
                + " FROM classified WHERE status = 'accepted' GROUP BY customer_id, model, day";
    }

    private String totals() {
        StringBuilder sums = new StringBuilder();
        for (String meter : meters) {
            String q = DuckDbFloor.quoted(meter);
            sums.append(", sum(").append(q).append(") AS ").append(q);
        }
        return "CREATE TEMP TABLE usage_totals AS SELECT customer_id, model, sum(requests) AS requests" + sums
                + " FROM usage_daily GROUP BY customer_id, model";
    }

    /**
     * File and line of every rejected row. The CSV reader numbers only the lines it rejects, so a kept row's line is
     * its ordinal in its file plus the rejected lines before it: an ASOF join on "kept rows before each rejected line".
     */
    private String rejectLines() {
        return "CREATE TEMP TABLE usage_rejects AS "
                + "WITH errors AS (SELECT f.file, e.line, e.error_type, e.error_message, e.csv_line, "
                + "  row_number() OVER (PARTITION BY f.file ORDER BY e.line) AS j "
                + "  FROM (SELECT DISTINCT file_id, scan_id, line, error_type, error_message, csv_line FROM csv_errors) e "
                + "  JOIN csv_scans s USING (scan_id, file_id) JOIN files f ON f.path = s.file_path), "
                + "gaps AS (SELECT file, line - 1 - j AS kept_before, max(j) AS skipped FROM errors GROUP BY ALL), "
                + "starts AS (SELECT file, min(seq) - 1 AS before FROM raw GROUP BY file), "
                + "wanted AS (SELECT c.file, c.seq - s.before AS k, c.event_id, c.status, c.reason, c.first_seq FROM classified c "
                + "  JOIN starts s USING (file) WHERE c.status IN ('rejected', 'conflict') "
                + "  UNION ALL SELECT c.file, c.seq - s.before, c.event_id, 'first', NULL, c.seq FROM classified c "
                + "  JOIN starts s USING (file) WHERE c.seq IN (SELECT first_seq FROM classified WHERE status = 'conflict')), "
                + "lined AS (SELECT w.*, w.k + 1 + coalesce(g.skipped, 0) AS line FROM wanted w "
                + "  ASOF LEFT JOIN gaps g ON w.file = g.file AND w.k - 1 >= g.kept_before) "
                + "SELECT fi.name AS file, l.line, l.event_id, CASE WHEN l.status = 'conflict' THEN "
                + "  'conflicting duplicate: event_id already used by ' || ff.name || ' line ' || first.line "
                + "  || ' with different content' ELSE l.reason END AS reason "
                + "FROM lined l JOIN files fi ON fi.file = l.file "
                + "LEFT JOIN (SELECT file, seq_first, line FROM (SELECT file, first_seq AS seq_first, line FROM lined "
                + "  WHERE status = 'first')) first ON l.status = 'conflict' AND first.seq_first = l.first_seq "
                + "LEFT JOIN files ff ON ff.file = first.file WHERE l.status <> 'first' "
                + "UNION ALL SELECT f.name, e.line, NULL, CASE WHEN e.error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') "
                + "  THEN 'wrong number of columns' ELSE e.error_message END FROM errors e JOIN files f USING (file)";
    }
}
