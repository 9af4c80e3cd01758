package dev.tokenbill.invoice.internal;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.usage.UsageTotal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the aggregated usage of one customer in a run. */
public class JdbcUsageTotals {

    private final JdbcTemplate jdbc;

    public JdbcUsageTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<UsageTotal> of(long runId, String customerId) {
        return jdbc.query("select subscription_id, model, meter, price_condition, quantity from usage_total"
                + " where run_id = ? and customer_id = ?", (rs, n) -> new UsageTotal(rs.getString(1), rs.getString(2),
                        rs.getString(3), PriceCondition.valueOf(rs.getString(4)), rs.getBigDecimal(5).stripTrailingZeros()),
                runId, customerId);
    }
}
