package dev.tokenbill.credit.internal;

import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Credit grants and the credit applied to invoices. The balance of a grant for a period is its
 * amount minus what the non-void final invoices of other periods applied: drafts never consume
 * credit, and re-running or correcting a period replaces, never adds to, its own application.
 */
public class JdbcCreditDao {

    private final JdbcTemplate jdbc;

    public JdbcCreditDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replaceGrants(long runId, List<CreditFiles.Grant> grants) {
        jdbc.update("delete from credit_grant where run_id = ?", runId);
        jdbc.batchUpdate("insert into credit_grant (run_id, grant_id, customer_id, granted_on, amount, currency, expires_on)"
                + " values (?, ?, ?, ?, ?, ?, ?)", grants, 500, (ps, g) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, g.grantId());
                    ps.setString(3, g.customerId());
                    ps.setDate(4, Date.valueOf(g.grantedOn()));
                    ps.setBigDecimal(5, g.amount().amount());
                    ps.setString(6, g.amount().currency().getCurrencyCode());
                    ps.setDate(7, g.expiresOn() == null ? null : Date.valueOf(g.expiresOn()));
                });
    }

    /** The customer's grants with what is left of each before {@code period}. */
    public List<CreditGrant> balances(long runId, String period, String customerId) {
        return balancesBetween(runId, period, customerId, customerId).getOrDefault(customerId, List.of());
    }

    /**
     * The grants of the customers from {@code firstId} to {@code lastId} (both included, in the
     * database's order) with what is left of each before {@code period}, by customer, each customer's
     * by grant id.
     */
    public Map<String, List<CreditGrant>> balancesBetween(long runId, String period, String firstId, String lastId) {
        Map<String, List<CreditGrant>> result = new HashMap<>();
        jdbc.query("select g.grant_id, g.customer_id, g.granted_on, g.amount, g.currency, g.expires_on,"
                + " (select coalesce(sum(a.amount), 0) from credit_applied a join invoice i"
                + "    on i.run_id = a.run_id and i.customer_id = a.customer_id"
                + "  where a.grant_id = g.grant_id and i.status = 'FINAL' and a.period <> ?) as used"
                + " from credit_grant g where g.run_id = ? and g.customer_id between ? and ?"
                + " order by g.customer_id, g.grant_id", rs -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    int scale = Money.minorUnits(currency);
                    Money left = Money.of(rs.getBigDecimal("amount").subtract(rs.getBigDecimal("used"))
                            .setScale(scale, RoundingMode.UNNECESSARY), currency);
                    Date expires = rs.getDate("expires_on");
                    CreditGrant grant = new CreditGrant(rs.getString("grant_id"), rs.getString("customer_id"),
                            rs.getDate("granted_on").toLocalDate(), left, expires == null ? null : expires.toLocalDate());
                    result.computeIfAbsent(grant.customerId(), c -> new ArrayList<>()).add(grant);
                }, period, runId, firstId, lastId);
        return result;
    }

    /** A credit an invoice applied: {@code amount} (positive) drawn from grant {@code grantId}. */
    public record Applied(String customerId, String grantId, BigDecimal amount) {
    }

    /**
     * Records the credit applied by the invoices of the customers from {@code firstId} to
     * {@code lastId} (both included, in the database's customer-id order), replacing what an earlier
     * write of the same customers recorded: one range delete and one batched insert.
     */
    public void replaceApplied(long runId, String period, String firstId, String lastId, List<Applied> applied) {
        jdbc.update("delete from credit_applied where run_id = ? and customer_id between ? and ?", runId, firstId, lastId);
        if (applied.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into credit_applied (run_id, customer_id, grant_id, period, amount) values (?, ?, ?, ?, ?)",
                applied, applied.size(), (ps, a) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, a.customerId());
                    ps.setString(3, a.grantId());
                    ps.setString(4, period);
                    ps.setBigDecimal(5, a.amount());
                });
    }
}
