package dev.tokenbill.invoice.internal;

import dev.tokenbill.invoice.ServicePeriod;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.CreditedUnusedDays;
import dev.tokenbill.rating.PrepaidFee;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The recurring fees that the previous period's final (not void) invoices billed in advance for days of a period: the
 * positive RECURRING lines whose service period starts inside it. Only the previous period bills a period in advance
 * (RecurringFees), so one range query per chunk over that period's final invoices (index invoice_by_period_customer).
 * And the other way round, for a period billed again after the next one is final: the unused days that the next
 * period's final invoices credited (its negative RECURRING lines, which only UnusedDays writes).
 */
public class JdbcPrepaidFees {

    private final JdbcTemplate jdbc;

    public JdbcPrepaidFees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By customer id, for the customers from {@code firstId} to {@code lastId} (both included). */
    public Map<String, List<PrepaidFee>> between(String period, String firstId, String lastId) {
        BillingPeriod billed = BillingPeriod.parse(period);
        Map<String, List<PrepaidFee>> result = new HashMap<>();
        jdbc.query("select i.customer_id, i.invoice_number, l.subscription_id, l.period_start, l.period_end, l.quantity,"
                + " l.unit_price from invoice i join invoice_line l on l.run_id = i.run_id and l.customer_id = i.customer_id"
                + " where i.period = ? and i.status = 'FINAL' and i.customer_id between ? and ? and l.kind = 'RECURRING'"
                + " and l.amount > 0 and l.period_start >= ? and l.period_start < ? and l.subscription_id is not null"
                + " order by i.customer_id, l.position", rs -> {
                    result.computeIfAbsent(rs.getString("customer_id"), c -> new ArrayList<>()).add(new PrepaidFee(
                            rs.getString("subscription_id"), new ServicePeriod(rs.getDate("period_start").toLocalDate(),
                                    rs.getDate("period_end").toLocalDate()), rs.getBigDecimal("quantity"),
                            rs.getBigDecimal("unit_price"), rs.getString("invoice_number")));
                }, previous(billed), firstId, lastId, java.sql.Date.valueOf(billed.start()),
                java.sql.Date.valueOf(billed.end()));
        return result;
    }

    /** Whether the period after {@code period} has final (not void) invoices: else nothing can have credited. */
    public boolean nextPeriodIsFinal(String period) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from invoice where period = ?"
                + " and status = 'FINAL')", Boolean.class, BillingPeriod.parse(period).next().label()));
    }

    /**
     * The unused days that the final (not void) invoices of the period after {@code period} credited, by customer id,
     * for the customers from {@code firstId} to {@code lastId}: none unless {@code period} is billed again after the
     * next one is final.
     */
    public Map<String, List<CreditedUnusedDays>> creditedByNextPeriod(String period, String firstId, String lastId) {
        BillingPeriod next = BillingPeriod.parse(period).next();
        Map<String, List<CreditedUnusedDays>> result = new HashMap<>();
        jdbc.query("select i.customer_id, i.invoice_number, l.subscription_id, l.period_start, l.period_end, l.quantity,"
                + " l.unit_price, l.amount from invoice i join invoice_line l on l.run_id = i.run_id"
                + " and l.customer_id = i.customer_id where i.period = ? and i.status = 'FINAL'"
                + " and i.customer_id between ? and ? and l.kind = 'RECURRING' and l.amount < 0"
                + " and l.period_start >= ? and l.period_start < ? and l.subscription_id is not null"
                + " order by i.customer_id, l.position", rs -> {
                    result.computeIfAbsent(rs.getString("customer_id"), c -> new ArrayList<>()).add(
                            new CreditedUnusedDays(rs.getString("subscription_id"),
                                    new ServicePeriod(rs.getDate("period_start").toLocalDate(),
                                            rs.getDate("period_end").toLocalDate()),
                                    rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                                    rs.getBigDecimal("amount"), rs.getString("invoice_number")));
                }, next.label(), firstId, lastId, java.sql.Date.valueOf(next.start()), java.sql.Date.valueOf(next.end()));
        return result;
    }

    /** The label of the period before. */
    static String previous(BillingPeriod period) {
        return switch (period.interval()) {
            case MONTHLY -> YearMonth.from(period.start()).minusMonths(1).toString();
            case DAILY -> period.start().minusDays(1).toString();
        };
    }
}
