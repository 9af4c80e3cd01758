package dev.tokenbill.metrics;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a run's {@link RunFigures} from the billing tables (usage_file, invoice). */
final class JdbcRunFigures {

    /** usage_file columns and the outcome label each one counts, in the order the README lists them. */
    private static final Map<String, String> OUTCOMES = outcomes();

    private final JdbcTemplate jdbc;

    JdbcRunFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    RunFigures of(long runId) {
        return new RunFigures(files(runId), invoiceCounts(runId), currencies(runId));
    }

    // select *: the late column comes with the late-usage change; a database without it has no late outcome
    private List<RunFigures.UsageFile> files(long runId) {
        return jdbc.query("select * from usage_file where run_id = ? order by file_name", (rs, n) -> {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            List<String> columns = columns(rs.getMetaData());
            for (Map.Entry<String, String> outcome : OUTCOMES.entrySet()) {
                if (columns.contains(outcome.getKey())) {
                    outcomes.put(outcome.getValue(), rs.getLong(outcome.getKey()));
                }
            }
            return new RunFigures.UsageFile(rs.getString("file_name"), rs.getLong("rows_read"), outcomes);
        }, runId);
    }

    private List<RunFigures.InvoiceCount> invoiceCounts(long runId) {
        return jdbc.query("select currency, status, count(*) from invoice where run_id = ? and status <> 'VOID'"
                + " group by currency, status order by currency, status",
                (rs, n) -> new RunFigures.InvoiceCount(rs.getString(1), rs.getString(2), rs.getLong(3)), runId);
    }

    private List<RunFigures.CurrencyTotals> currencies(long runId) {
        return jdbc.query("select currency, sum(subtotal), sum(discounts), sum(tax), sum(total), sum(credits),"
                + " sum(amount_due) from invoice where run_id = ? and status <> 'VOID'"
                + " group by currency order by currency",
                (rs, n) -> new RunFigures.CurrencyTotals(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)), runId);
    }

    private static List<String> columns(ResultSetMetaData meta) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT)); // H2 answers in upper case
        }
        return columns;
    }

    private static Map<String, String> outcomes() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put("accepted", "accepted");
        outcomes.put("duplicates", "duplicate");
        outcomes.put("rejected", "rejected");
        outcomes.put("out_of_period", "out_of_period");
        outcomes.put("late", "late");
        return outcomes;
    }
}
