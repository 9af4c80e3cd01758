package dev.tokenbill.invoice.internal;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.usage.UsageTotal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the aggregated usage of the customers of a run. */
public class JdbcUsageTotals {

    private final JdbcTemplate jdbc;

    public JdbcUsageTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The totals of the customers from {@code firstId} to {@code lastId} (both included, in the database's order), by customer. */
    public Map<String, List<UsageTotal>> between(long runId, String firstId, String lastId) {
        Map<String, List<UsageTotal>> result = new HashMap<>();
        jdbc.query("select subscription_id, model, meter, price_condition, quantity, customer_id from usage_total"
                + " where run_id = ? and customer_id between ? and ?"
                + " order by customer_id, subscription_id, model, meter, price_condition", rs -> {
                    result.computeIfAbsent(rs.getString(6), c -> new ArrayList<>()).add(total(rs));
                }, runId, firstId, lastId);
        return result;
    }

    private static UsageTotal total(ResultSet rs) throws SQLException {
        return new UsageTotal(rs.getString(1), rs.getString(2), rs.getString(3), PriceCondition.valueOf(rs.getString(4)),
                rs.getBigDecimal(5).stripTrailingZeros());
    }
}
