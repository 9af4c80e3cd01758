package dev.tokenbill.credit.internal;

import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.money.Money;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.Currency;
import java.util.List;
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
        return jdbc.query("select g.grant_id, g.customer_id, g.granted_on, g.amount, g.currency, g.expires_on,"
                + " (select coalesce(sum(a.amount), 0) from credit_applied a join invoice i"
                + "    on i.run_id = a.run_id and i.customer_id = a.customer_id"
                + "  where a.grant_id = g.grant_id and i.status = 'FINAL' and a.period <> ?) as used"
                + " from credit_grant g where g.run_id = ? and g.customer_id = ? order by g.grant_id", (rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    int scale = Money.minorUnits(currency);
                    Money left = Money.of(rs.getBigDecimal("amount").subtract(rs.getBigDecimal("used"))
                            .setScale(scale, RoundingMode.UNNECESSARY), currency);
                    Date expires = rs.getDate("expires_on");
                    return new CreditGrant(rs.getString("grant_id"), rs.getString("customer_id"),
                            rs.getDate("granted_on").toLocalDate(), left, expires == null ? null : expires.toLocalDate());
                }, period, runId, customerId);
    }

    /** Records the credit an invoice applied (replacing what an earlier write of the same invoice recorded). */
    public void saveApplied(long runId, String customerId, String period, List<Object[]> grantAmounts) {
        jdbc.update("delete from credit_applied where run_id = ? and customer_id = ?", runId, customerId);
        for (Object[] ga : grantAmounts) {
            jdbc.update("insert into credit_applied (run_id, customer_id, grant_id, period, amount) values (?, ?, ?, ?, ?)",
                    runId, customerId, ga[0], period, ga[1]);
        }
    }
}
