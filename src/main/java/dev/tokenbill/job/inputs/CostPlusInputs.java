package dev.tokenbill.job.inputs;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.csv.InputFileException;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.customer.internal.CustomerFiles;
import dev.tokenbill.job.rating.RateCustomerProcessor;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cost-plus subscription that the period bills needs the period's cost pools, in its plan's
 * currency: without them it would bill 0.00 silently, and costs are never converted. Checked in
 * validateInputs so the run stops before any billing work; a cost-plus plan nobody is billed on is fine.
 * A sink of validateInputs' pass over customers and subscriptions: it keeps the cost-plus subscriptions (with their
 * lines) and counts the records.
 */
final class CostPlusInputs implements CustomerFiles.Sink {

    private final Catalog catalog;
    private final List<Subscription> costPlus = new ArrayList<>();
    private final Map<String, Long> lines = new HashMap<>();
    private int customers;
    private int subscriptions;

    CostPlusInputs(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void customer(Customer customer) {
        customers++;
    }

    @Override
    public void subscription(Subscription subscription, long line) {
        subscriptions++;
        if (catalog.plan(subscription.planId()).orElseThrow().isCostPlus()) {
            costPlus.add(subscription);
            lines.put(subscription.id(), line);
        }
    }

    int customers() {
        return customers;
    }

    int subscriptions() {
        return subscriptions;
    }

    /**
     * Throws {@link InputFileException} naming the subscription's line of subscriptions.csv (the first billed one
     * in customer id, then start order).
     */
    void check(BillingPeriod period, Map<String, Money> pools, boolean costsFileExists) {
        costPlus.sort(Comparator.comparing(Subscription::customerId).thenComparing(Subscription::start));
        for (Subscription subscription : RateCustomerProcessor.billedSubscriptions(catalog, period, costPlus)) {
            Plan plan = catalog.plan(subscription.planId()).orElseThrow();
            String what = "subscription " + subscription.id() + " is on cost-plus plan " + plan.id();
            if (pools.isEmpty()) {
                throw error(subscription, what + ", but " + (costsFileExists ? "costs.csv has" : "there is no costs.csv:")
                        + " no cost pool for " + period.label() + ": it would bill "
                        + Money.zero(plan.currency()).amount().toPlainString() + " (add the period's pools to costs.csv)");
            }
            Money any = pools.values().iterator().next();
            if (!any.currency().equals(plan.currency())) {
                throw error(subscription, what + ", priced in " + plan.currency() + ", but the cost pools of "
                        + period.label() + " are in " + any.currency() + "; costs are never converted");
            }
        }
    }

    private InputFileException error(Subscription subscription, String problem) {
        return new InputFileException("subscriptions.csv", lines.getOrDefault(subscription.id(), 0L), problem);
    }
}
