package dev.tokenbill.job.rating;

import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.invoice.internal.JdbcPrepaidFees;
import dev.tokenbill.invoice.internal.JdbcUsageTotals;
import dev.tokenbill.money.Money;
import dev.tokenbill.rating.CreditedUnusedDays;
import dev.tokenbill.rating.PrepaidFee;
import dev.tokenbill.usage.UsageTotal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the run's customers in customer-id order, a page at a time, each with its subscriptions,
 * usage totals, credit balances and allocated cost: five queries per page (a keyset page of
 * customers, then one range query per table over the page's first to last customer id) instead of
 * four per customer. With the page size equal to the chunk size, each chunk is one page.
 *
 * <p>Restart state is the count of customers read, under the reader's name, as for a cursor
 * reader: a restart resumes after the customer at that position. A reader given a range (a partition of
 * the rating step) reads only the customers from its first to its last id, and counts positions within it.
 */
public class CustomerToRateReader extends AbstractItemCountingItemStreamItemReader<CustomerToRate> {

    private static final String NAME = "customerReader";
    /** Where Spring Batch keeps the count of customers read (the restart state) in the step's execution context. */
    public static final String READ_COUNT_KEY = NAME + ".read.count";

    private final JdbcCustomerDao customers;
    private final JdbcUsageTotals usage;
    private final JdbcCreditDao credits;
    private final JdbcAllocationDao allocations;
    private final long runId;
    private final String period;
    private final int pageSize;
    private final JdbcPrepaidFees prepaidFees;
    /** Whether the next period is final (asked once: it cannot change while this period is billed; null until then). */
    private Boolean nextPeriodIsFinal;
    private final String firstId;
    private final String lastId;

    private String lastRead;
    private boolean lastPage;
    private Iterator<CustomerToRate> page = Collections.emptyIterator();

    /** A reader that finds no fees billed in advance (for tests of the paging alone). */
    public CustomerToRateReader(JdbcCustomerDao customers, JdbcUsageTotals usage, JdbcCreditDao credits,
            JdbcAllocationDao allocations, long runId, String period, int pageSize) {
        this(customers, usage, credits, allocations, null, runId, period, pageSize);
    }

    /** @param prepaidFees where the fees billed in advance for the period are read (null: none) */
    public CustomerToRateReader(JdbcCustomerDao customers, JdbcUsageTotals usage, JdbcCreditDao credits,
            JdbcAllocationDao allocations, JdbcPrepaidFees prepaidFees, long runId, String period, int pageSize) {
        this(customers, usage, credits, allocations, prepaidFees, runId, period, pageSize, null, null);
    }

    /**
     * A reader of the customers from {@code firstId} to {@code lastId}, both included (both null: every customer of
     * the run).
     */
    public CustomerToRateReader(JdbcCustomerDao customers, JdbcUsageTotals usage, JdbcCreditDao credits,
            JdbcAllocationDao allocations, JdbcPrepaidFees prepaidFees, long runId, String period, int pageSize,
            String firstId, String lastId) {
        if ((firstId == null) != (lastId == null)) {
            throw new IllegalArgumentException("a range needs both ends, got " + firstId + " to " + lastId);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        this.customers = customers;
        this.usage = usage;
        this.credits = credits;
        this.allocations = allocations;
        this.runId = runId;
        this.period = period;
        this.pageSize = pageSize;
        this.prepaidFees = prepaidFees;
        this.firstId = firstId;
        this.lastId = lastId;
        setName(NAME);
    }

    @Override
    protected void doOpen() {
        lastRead = null;
        lastPage = false;
        page = Collections.emptyIterator();
    }

    @Override
    protected CustomerToRate doRead() {
        if (!page.hasNext()) {
            if (lastPage) {
                return null;
            }
            List<CustomerToRate> next = nextPage();
            lastPage = next.size() < pageSize;
            page = next.iterator();
            if (!page.hasNext()) {
                return null;
            }
        }
        return page.next();
    }

    /**
     * Positions the scan after the {@code itemIndex}-th customer: the next page starts with the one after it. The
     * count Spring Batch saved includes the read that found the end, so after the last chunk it is one more than
     * the customers: a restart from there (the process died between the last commit and the step's end) reads
     * nothing.
     */
    @Override
    protected void jumpToItem(int itemIndex) {
        page = Collections.emptyIterator();
        if (itemIndex == 0) {
            lastRead = null;
            return;
        }
        Optional<String> at = firstId == null ? customers.customerIdAt(runId, itemIndex)
                : customers.customerIdAt(runId, firstId, lastId, itemIndex);
        lastRead = at.orElse(null);
        lastPage = at.isEmpty();
    }

    @Override
    protected void doClose() {
        page = Collections.emptyIterator();
    }

    private List<CustomerToRate> nextPage() {
        List<Customer> batch = firstId == null ? customers.customersAfter(runId, lastRead, pageSize)
                : customers.customersAfter(runId, firstId, lastRead, lastId, pageSize);
        if (batch.isEmpty()) {
            return List.of();
        }
        String first = batch.get(0).id();
        String last = batch.get(batch.size() - 1).id();
        Map<String, List<Subscription>> subscriptions = customers.subscriptionsBetween(runId, first, last);
        Map<String, List<UsageTotal>> totals = usage.between(runId, first, last);
        Map<String, List<CreditGrant>> grants = credits.balancesBetween(runId, period, first, last);
        Map<String, Money> allocated = allocations.allocatedBetween(runId, first, last);
        Map<String, List<PrepaidFee>> prepaid = prepaidFees == null ? Map.of() : prepaidFees.between(period, first, last);
        if (nextPeriodIsFinal == null) {
            nextPeriodIsFinal = prepaidFees != null && prepaidFees.nextPeriodIsFinal(period);
        }
        Map<String, List<CreditedUnusedDays>> creditedByNext = nextPeriodIsFinal
                ? prepaidFees.creditedByNextPeriod(period, first, last) : Map.of();
        List<CustomerToRate> result = new ArrayList<>(batch.size());
        for (Customer customer : batch) {
            String id = customer.id();
            result.add(new CustomerToRate(customer, subscriptions.getOrDefault(id, List.of()),
                    totals.getOrDefault(id, List.of()), grants.getOrDefault(id, List.of()), allocated.get(id),
                    prepaid.getOrDefault(id, List.of()), creditedByNext.getOrDefault(id, List.of())));
        }
        lastRead = last;
        return result;
    }
}
