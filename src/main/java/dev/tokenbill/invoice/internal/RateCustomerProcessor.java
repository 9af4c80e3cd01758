package dev.tokenbill.invoice.internal;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.RatingEngine;
import dev.tokenbill.rating.SubscriptionUsage;
import dev.tokenbill.usage.UsageTotal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Gathers one customer's subscriptions billed in this period and their usage, and hands them to
 * the {@link RatingEngine}. A customer with no subscription billed in the period gets no invoice.
 */
public class RateCustomerProcessor implements ItemProcessor<Customer, Invoice> {

    private final RatingEngine engine = new RatingEngine();
    private final Catalog catalog;
    private final BillingPeriod period;
    private final long runId;
    private final JdbcCustomerDao customers;
    private final JdbcUsageTotals usage;

    public RateCustomerProcessor(Catalog catalog, BillingPeriod period, long runId, JdbcCustomerDao customers,
            JdbcUsageTotals usage) {
        this.catalog = catalog;
        this.period = period;
        this.runId = runId;
        this.customers = customers;
        this.usage = usage;
    }

    @Override
    public Invoice process(Customer customer) {
        List<UsageTotal> totals = usage.of(runId, customer.id());
        List<SubscriptionUsage> billed = new ArrayList<>();
        for (Subscription subscription : customers.subscriptionsOf(runId, customer.id())) {
            Plan plan = catalog.plan(subscription.planId()).orElseThrow();
            if (plan.interval() == period.interval() && billedIn(subscription, plan)) {
                billed.add(new SubscriptionUsage(subscription, plan,
                        totals.stream().filter(t -> t.subscriptionId().equals(subscription.id())).toList()));
            }
        }
        if (billed.isEmpty()) {
            return null;
        }
        return engine.rate(customer, period, billed, catalog.taxFor(customer.country()));
    }

    private boolean billedIn(Subscription subscription, Plan plan) {
        if (period.overlapDays(subscription.start(), subscription.end()) > 0) {
            return true;
        }
        boolean inAdvance = plan.recurringFee() != null && plan.recurringFee().timing() == FeeTiming.IN_ADVANCE;
        return inAdvance && period.next().overlapDays(subscription.start(), subscription.end()) > 0;
    }
}
