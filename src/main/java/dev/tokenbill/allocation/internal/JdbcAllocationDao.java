package dev.tokenbill.allocation.internal;

import dev.tokenbill.allocation.Allocation;
import dev.tokenbill.database.RunKeys;
import dev.tokenbill.money.Money;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run's cost pools and the allocated cost of each customer. */
public class JdbcAllocationDao {

    private final JdbcTemplate jdbc;

    public JdbcAllocationDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replacePools(long runId, Map<String, Money> pools) {
        jdbc.update("delete from cost_pool where run_id = ?", runId);
        jdbc.batchUpdate("insert into cost_pool (run_id, pool, amount, currency) values (?, ?, ?, ?)",
                pools.entrySet().stream().map(p -> new Object[] {runId, p.getKey(), p.getValue().amount(),
                        p.getValue().currency().getCurrencyCode()}).toList());
    }

    public Map<String, Money> pools(long runId) {
        Map<String, Money> pools = new LinkedHashMap<>();
        jdbc.query("select pool, amount, currency from cost_pool where run_id = ? order by pool", rs -> {
            Currency c = Currency.getInstance(rs.getString(3));
            pools.put(rs.getString(1), Money.of(rs.getBigDecimal(2).setScale(Money.minorUnits(c), RoundingMode.UNNECESSARY), c));
        }, runId);
        return pools;
    }

    public void replaceAllocations(long runId, List<Allocation> allocations) {
        jdbc.update("delete from cost_allocation where run_id = ?", runId);
        jdbc.batchUpdate("insert into cost_allocation (run_id, customer_id, currency, share, amount) values (?, ?, ?, ?, ?)",
                allocations, 500, (ps, a) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, a.customerId());
                    ps.setString(3, a.amount().currency().getCurrencyCode());
                    ps.setBigDecimal(4, a.share());
                    ps.setBigDecimal(5, a.amount().amount());
                });
    }

    /** The allocated cost of the customers from {@code firstId} to {@code lastId} (both included, in the database's order). */
    public Map<String, Money> allocatedBetween(long runId, String firstId, String lastId) {
        Map<String, Money> result = new HashMap<>();
        jdbc.query("select customer_id, amount, currency from cost_allocation where run_id = ?"
                + " and customer_id between ? and ?", rs -> {
                    Currency c = Currency.getInstance(rs.getString(3));
                    result.put(rs.getString(1), Money.of(rs.getBigDecimal(2).setScale(Money.minorUnits(c),
                            RoundingMode.UNNECESSARY), c));
                }, runId, firstId, lastId);
        return result;
    }

    /** The allocations of these customers of the run, by customer id, in one query. */
    public Map<String, Allocation> allocations(long runId, Collection<String> customerIds) {
        Map<String, Allocation> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.query("select t.customer_id, t.currency, t.share, t.amount from "
                + RunKeys.join("cost_allocation", "customer_id", customerIds.size()), rs -> {
                    Currency c = Currency.getInstance(rs.getString(2));
                    result.put(rs.getString(1), new Allocation(rs.getString(1), rs.getBigDecimal(3),
                            Money.of(rs.getBigDecimal(4).setScale(Money.minorUnits(c), RoundingMode.UNNECESSARY), c)));
                }, RunKeys.args(customerIds, runId));
        return result;
    }

    public Map<String, Allocation> allocations(long runId) {
        Map<String, Allocation> result = new LinkedHashMap<>();
        jdbc.query("select customer_id, currency, share, amount from cost_allocation where run_id = ? order by customer_id",
                rs -> {
                    Currency c = Currency.getInstance(rs.getString(2));
                    result.put(rs.getString(1), new Allocation(rs.getString(1), rs.getBigDecimal(3),
                            Money.of(rs.getBigDecimal(4).setScale(Money.minorUnits(c), RoundingMode.UNNECESSARY), c)));
                }, runId);
        return result;
    }
}
