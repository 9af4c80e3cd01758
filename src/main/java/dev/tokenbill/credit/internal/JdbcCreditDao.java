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
 * amount minus what final runs of other periods applied to invoices that are not void ("binding"
 * applications, counted from the moment they are written, before the invoices are numbered): drafts
 * never consume credit, and re-running or correcting a period replaces, never adds to, its own
 * application. A final run reads the balance and writes its application while it holds the grant's
 * row in {@code credit_lock} ({@link #lock}), in one transaction, so runs of different periods at
 * once on PostgreSQL take a grant one after the other and never beyond its amount.
 */
public class JdbcCreditDao {

    private final JdbcTemplate jdbc;

    public JdbcCreditDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the run's grants, and gives each grant id its lock row (once for all runs; an insert that finds the row
     * does nothing, also when another run inserts it at the same moment).
     */
    public void replaceGrants(long runId, List<CreditFiles.Grant> grants) {
        String insertLock = postgres() ? "insert into credit_lock (grant_id) values (?) on conflict (grant_id) do nothing"
                : "merge into credit_lock key (grant_id) values (?)";
        jdbc.batchUpdate(insertLock, grants.stream().map(CreditFiles.Grant::grantId).distinct().sorted().toList(), 500,
                (ps, id) -> ps.setString(1, id));
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
                + "  where a.grant_id = g.grant_id and a.binding and i.status <> 'VOID' and a.period <> ?) as used"
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

    /**
     * Locks the grants of the customers from {@code firstId} to {@code lastId} of the run until the caller's
     * transaction ends (in grant-id order, so two runs never wait for each other in a circle). Read the balances
     * after this call: they then include every application committed before.
     */
    public void lock(long runId, String firstId, String lastId) {
        jdbc.queryForList("select l.grant_id from credit_lock l where l.grant_id in (select g.grant_id from credit_grant g"
                + " where g.run_id = ? and g.customer_id between ? and ?) order by l.grant_id for update", String.class,
                runId, firstId, lastId);
    }

    private boolean postgres() {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
    }

    /** A credit an invoice applied: {@code amount} (positive) drawn from grant {@code grantId}. */
    public record Applied(String customerId, String grantId, BigDecimal amount) {
    }

    /**
     * Records the credit applied by the invoices of the customers from {@code firstId} to
     * {@code lastId} (both included, in the database's customer-id order), replacing what an earlier
     * write of the same customers recorded: one range delete and one batched insert. {@code binding}: a final run's
     * application, which takes from the grants' balance (call {@link #lock} first in the same transaction).
     */
    public void replaceApplied(long runId, String period, String firstId, String lastId, List<Applied> applied,
            boolean binding) {
        jdbc.update("delete from credit_applied where run_id = ? and customer_id between ? and ?", runId, firstId, lastId);
        if (applied.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into credit_applied (run_id, customer_id, grant_id, period, amount, binding)"
                + " values (?, ?, ?, ?, ?, ?)",
                applied, applied.size(), (ps, a) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, a.customerId());
                    ps.setString(3, a.grantId());
                    ps.setString(4, period);
                    ps.setBigDecimal(5, a.amount());
                    ps.setBoolean(6, binding);
                });
    }
}
