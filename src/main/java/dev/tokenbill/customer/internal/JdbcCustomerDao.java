package dev.tokenbill.customer.internal;

import static dev.tokenbill.database.BulkInsert.column;

import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.database.BulkInsert;
import dev.tokenbill.database.RunKeys;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
    private static final BulkInsert CUSTOMER_ROWS = BulkInsert.into("customer", column("run_id", Types.BIGINT),
            column("customer_id", Types.VARCHAR), column("name", Types.VARCHAR), column("email", Types.VARCHAR),
            column("address", Types.VARCHAR), column("country", Types.VARCHAR), column("currency", Types.VARCHAR),
            column("tax_exempt", Types.BOOLEAN), column("tax_id", Types.VARCHAR), column("language", Types.VARCHAR),
            column("payment_terms_days", Types.INTEGER), column("einvoice", Types.VARCHAR));
    private static final BulkInsert SUBSCRIPTION_ROWS = BulkInsert.into("subscription", column("run_id", Types.BIGINT),
            column("subscription_id", Types.VARCHAR), column("customer_id", Types.VARCHAR), column("plan_id", Types.VARCHAR),
            column("start_date", Types.DATE), column("end_date", Types.DATE), column("quantity", Types.INTEGER),
            column("coupon_code", Types.VARCHAR));

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
            List<Object[]> rows = new ArrayList<>(customers.size());
            for (Customer c : customers) {
                rows.add(new Object[] {runId, c.id(), c.name(), c.email(), c.address(), c.country(),
                    c.currency().getCurrencyCode(), c.taxExempt(), c.taxId(), c.language(), c.paymentTermsDays(),
                    c.einvoice()});
            }
            CUSTOMER_ROWS.insert(jdbc, rows);
            customers.clear();
        }

        private void insertSubscriptions() {
            List<Object[]> rows = new ArrayList<>(subscriptions.size());
            for (Subscription s : subscriptions) {
                rows.add(new Object[] {runId, s.id(), s.customerId(), s.planId(), s.start(), s.end(), s.quantity(),
                    s.couponCode()});
            }
            SUBSCRIPTION_ROWS.insert(jdbc, rows);
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
