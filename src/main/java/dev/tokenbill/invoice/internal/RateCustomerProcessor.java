package dev.tokenbill.invoice.internal;

import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.discount.SubscriptionCoupon;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.Adjustments;
import dev.tokenbill.rating.PlanWhatIf;
import dev.tokenbill.rating.RatingEngine;
import dev.tokenbill.rating.SubscriptionUsage;
import dev.tokenbill.usage.UsageTotal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Gathers one customer's subscriptions billed in this period, their usage, coupons, credit
 * balances and allocated cost, and hands them to the {@link RatingEngine}; then compares the other
 * plans. A customer with no subscription billed in the period gets no invoice.
 */
public class RateCustomerProcessor implements ItemProcessor<Customer, RatedCustomer> {

    private final RatingEngine engine = new RatingEngine();
    private final Catalog catalog;
    private final BillingPeriod period;
    private final long runId;
    private final JdbcCustomerDao customers;
    private final JdbcUsageTotals usage;
    private final JdbcCreditDao credits;
    private final JdbcAllocationDao allocations;

    public RateCustomerProcessor(Catalog catalog, BillingPeriod period, long runId, JdbcCustomerDao customers,
            JdbcUsageTotals usage, JdbcCreditDao credits, JdbcAllocationDao allocations) {
        this.catalog = catalog;
        this.period = period;
        this.runId = runId;
        this.customers = customers;
        this.usage = usage;
        this.credits = credits;
        this.allocations = allocations;
    }

    @Override
    public RatedCustomer process(Customer customer) {
        List<UsageTotal> totals = usage.of(runId, customer.id());
        List<SubscriptionUsage> billed = new ArrayList<>();
        List<SubscriptionCoupon> coupons = new ArrayList<>();
        for (Subscription subscription : billedSubscriptions(catalog, period, customers.subscriptionsOf(runId, customer.id()))) {
            Plan plan = catalog.plan(subscription.planId()).orElseThrow();
            billed.add(new SubscriptionUsage(subscription, plan,
                    totals.stream().filter(t -> t.subscriptionId().equals(subscription.id())).toList()));
            if (subscription.couponCode() != null) {
                coupons.add(new SubscriptionCoupon(subscription.id(), catalog.coupon(subscription.couponCode()).orElseThrow(),
                        periodNumber(subscription)));
            }
        }
        if (billed.isEmpty()) {
            return null;
        }
        Money allocated = allocations.allocatedTo(runId, customer.id()).orElse(null);
        Adjustments adjustments = new Adjustments(coupons, catalog.volumeDiscountFor(customer.currency()),
                credits.balances(runId, period.label(), customer.id()), allocated);
        Invoice invoice = engine.rate(customer, period, billed, catalog.taxFor(customer.country()), adjustments);
        return new RatedCustomer(invoice,
                PlanWhatIf.compare(engine, customer, period, billed, invoice, catalog.plans().values(), allocated));
    }

    /**
     * The subscriptions a run of this period bills: plans of the period's interval, active in it. A
     * subscription that starts later is billed by the period it starts in (its in-advance fee too).
     */
    public static List<Subscription> billedSubscriptions(Catalog catalog, BillingPeriod period, List<Subscription> all) {
        List<Subscription> billed = new ArrayList<>();
        for (Subscription subscription : all) {
            Plan plan = catalog.plan(subscription.planId()).orElseThrow();
            if (plan.interval() != period.interval()) {
                continue;
            }
            if (period.overlapDays(subscription.start(), subscription.end()) > 0) {
                billed.add(subscription);
            }
        }
        return billed;
    }

    /** 1 for the period the subscription starts in, 2 for the next, and so on. */
    private long periodNumber(Subscription subscription) {
        return switch (period.interval()) {
            case MONTHLY -> ChronoUnit.MONTHS.between(YearMonth.from(subscription.start()), YearMonth.from(period.start())) + 1;
            case DAILY -> ChronoUnit.DAYS.between(subscription.start(), period.start()) + 1;
        };
    }
}
