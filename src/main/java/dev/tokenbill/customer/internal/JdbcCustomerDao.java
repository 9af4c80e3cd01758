package dev.tokenbill.customer.internal;

import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.database.RunKeys;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The customers and subscriptions of a billing run, as loaded from the input files. */
public class JdbcCustomerDao {

    private final JdbcTemplate jdbc;

    public JdbcCustomerDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A loader of the run's customers and subscriptions as a pass over the files hands them out: it deletes the run's
     * earlier copy first (safe to run again after a crash) and inserts in batches of {@value #BATCH}, holding no more
     * than a batch of each. Call {@link Loader#finish()} after the last record.
     */
    public Loader loader(long runId) {
        jdbc.update("delete from subscription where run_id = ?", runId);
        jdbc.update("delete from customer where run_id = ?", runId);
        return new Loader(runId);
    }

    private static final int BATCH = 500;

    /** See {@link #loader(long)}. */
    public final class Loader implements CustomerFiles.Sink {

        private final long runId;
        private final List<Customer> customers = new ArrayList<>(BATCH);
        private final List<Subscription> subscriptions = new ArrayList<>(BATCH);
        private int customerCount;
        private int subscriptionCount;

        private Loader(long runId) {
            this.runId = runId;
        }

        @Override
        public void customer(Customer customer) {
            customerCount++;
            customers.add(customer);
            if (customers.size() == BATCH) {
                insertCustomers();
            }
        }

        @Override
        public void subscription(Subscription subscription, long line) {
            subscriptionCount++;
            subscriptions.add(subscription);
            if (subscriptions.size() == BATCH) {
                insertSubscriptions();
            }
        }

        /** The customers handed to the loader so far. */
        public int customers() {
            return customerCount;
        }

        /** The subscriptions handed to the loader so far. */
        public int subscriptions() {
            return subscriptionCount;
        }

        /** Inserts what the last batches hold. */
        public void finish() {
            insertCustomers();
            insertSubscriptions();
        }

        private void insertCustomers() {
            jdbc.batchUpdate("insert into customer (run_id, customer_id, name, email, address, country, currency,"
                    + " tax_exempt, tax_id, language, payment_terms_days, einvoice) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?)", customers, BATCH, (ps, c) -> {
                        ps.setLong(1, runId);
                        ps.setString(2, c.id());
                        ps.setString(3, c.name());
                        ps.setString(4, c.email());
                        ps.setString(5, c.address());
                        ps.setString(6, c.country());
                        ps.setString(7, c.currency().getCurrencyCode());
                        ps.setBoolean(8, c.taxExempt());
                        ps.setString(9, c.taxId());
                        ps.setString(10, c.language());
                        ps.setObject(11, c.paymentTermsDays(), java.sql.Types.INTEGER);
                        ps.setString(12, c.einvoice());
                    });
            customers.clear();
        }

        private void insertSubscriptions() {
            jdbc.batchUpdate("insert into subscription (run_id, subscription_id, customer_id, plan_id, start_date,"
                    + " end_date, quantity, coupon_code) values (?, ?, ?, ?, ?, ?, ?, ?)", subscriptions, BATCH,
                    (ps, s) -> {
                        ps.setLong(1, runId);
                        ps.setString(2, s.id());
                        ps.setString(3, s.customerId());
                        ps.setString(4, s.planId());
                        ps.setDate(5, Date.valueOf(s.start()));
                        ps.setDate(6, s.end() == null ? null : Date.valueOf(s.end()));
                        ps.setInt(7, s.quantity());
                        ps.setString(8, s.couponCode());
                    });
            subscriptions.clear();
        }
    }

    /** The ids of the run's customers (the usage step needs no more of them). */
    public List<String> customerIds(long runId) {
        return jdbc.queryForList("select customer_id from customer where run_id = ?", String.class, runId);
    }

    /** The customers of the run with these ids, by id, in one query. */
    public Map<String, Customer> customers(long runId, Collection<String> customerIds) {
        Map<String, Customer> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.query("select t.* from " + RunKeys.join("customer", "customer_id", customerIds.size()), rs -> {
            Customer customer = customer(rs, 0);
            result.put(customer.id(), customer);
        }, RunKeys.args(customerIds, runId));
        return result;
    }

    public List<Subscription> subscriptions(long runId) {
        return jdbc.query("select * from subscription where run_id = ? order by customer_id, start_date",
                JdbcCustomerDao::subscription, runId);
    }

    /**
     * Up to {@code limit} customers of the run after {@code afterId} (from the first when null), in
     * customer-id order: one page of a keyset scan. (Ordered by the whole primary key so that H2 reads
     * the page from the index instead of sorting every later customer.)
     */
    public List<Customer> customersAfter(long runId, String afterId, int limit) {
        return afterId == null
                ? jdbc.query("select * from customer where run_id = ? order by run_id, customer_id fetch first ? rows only",
                        JdbcCustomerDao::customer, runId, limit)
                : jdbc.query("select * from customer where run_id = ? and customer_id > ? order by run_id, customer_id"
                        + " fetch first ? rows only", JdbcCustomerDao::customer, runId, afterId, limit);
    }

    /**
     * Up to {@code limit} customers of the run from {@code firstId} to {@code lastId} (both included) after
     * {@code afterId} (from {@code firstId} when null), in customer-id order: one page of a keyset scan of a range.
     */
    public List<Customer> customersAfter(long runId, String firstId, String afterId, String lastId, int limit) {
        return afterId == null
                ? jdbc.query("select * from customer where run_id = ? and customer_id >= ? and customer_id <= ?"
                        + " order by run_id, customer_id fetch first ? rows only", JdbcCustomerDao::customer, runId,
                        firstId, lastId, limit)
                : jdbc.query("select * from customer where run_id = ? and customer_id > ? and customer_id <= ?"
                        + " order by run_id, customer_id fetch first ? rows only", JdbcCustomerDao::customer, runId,
                        afterId, lastId, limit);
    }

    /**
     * The id of the {@code n}-th customer (1-based) from {@code firstId} to {@code lastId} (both included), where a
     * restarted scan of that range resumes; empty when the range has fewer customers.
     */
    public Optional<String> customerIdAt(long runId, String firstId, String lastId, int n) {
        return jdbc.queryForList("select customer_id from customer where run_id = ? and customer_id >= ?"
                + " and customer_id <= ? order by run_id, customer_id offset ? rows fetch next 1 rows only",
                String.class, runId, firstId, lastId, n - 1).stream().findFirst();
    }

    /**
     * The id of the run's {@code n}-th customer (1-based) in customer-id order, where a restarted scan resumes;
     * empty when the run has fewer customers.
     */
    public Optional<String> customerIdAt(long runId, int n) {
        return jdbc.queryForList("select customer_id from customer where run_id = ? order by run_id, customer_id"
                + " offset ? rows fetch next 1 rows only", String.class, runId, n - 1).stream().findFirst();
    }

    /**
     * The subscriptions of the customers from {@code firstId} to {@code lastId} (both included, in the
     * database's customer-id order), by customer, each customer's by start date.
     */
    public Map<String, List<Subscription>> subscriptionsBetween(long runId, String firstId, String lastId) {
        Map<String, List<Subscription>> result = new HashMap<>();
        jdbc.query("select * from subscription where run_id = ? and customer_id between ? and ?"
                + " order by customer_id, start_date", rs -> {
                    Subscription s = subscription(rs, 0);
                    result.computeIfAbsent(s.customerId(), c -> new ArrayList<>()).add(s);
                }, runId, firstId, lastId);
        return result;
    }

    /** Maps a row of the customer table. */
    public static Customer customer(ResultSet rs, int row) throws SQLException {
        return new Customer(rs.getString("customer_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("address"), rs.getString("country"), Currency.getInstance(rs.getString("currency")),
                rs.getBoolean("tax_exempt"), rs.getString("tax_id"), rs.getString("language"),
                rs.getObject("payment_terms_days", Integer.class), rs.getString("einvoice"));
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        Date end = rs.getDate("end_date");
        return new Subscription(rs.getString("subscription_id"), rs.getString("customer_id"), rs.getString("plan_id"),
                rs.getDate("start_date").toLocalDate(), end == null ? null : end.toLocalDate(), rs.getInt("quantity"),
                rs.getString("coupon_code"));
    }
}
