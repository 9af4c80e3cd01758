package dev.tokenbill.job.inputs;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.csv.InputFileException;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.customer.internal.CustomerFiles.CustomerBook;
import dev.tokenbill.job.rating.RateCustomerProcessor;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import java.util.Map;

/**
 * A cost-plus subscription that the period bills needs the period's cost pools, in its plan's
 * currency: without them it would bill 0.00 silently, and costs are never converted. Checked in
 * validateInputs so the run stops before any billing work; a cost-plus plan nobody is billed on is fine.
 */
final class CostPlusInputs {

    private CostPlusInputs() {
    }

    /** Throws {@link InputFileException} naming the subscription's line of subscriptions.csv. */
    static void check(Catalog catalog, BillingPeriod period, CustomerBook book, Map<String, Money> pools,
            boolean costsFileExists) {
        for (Subscription subscription : RateCustomerProcessor.billedSubscriptions(catalog, period, book.subscriptions())) {
            Plan plan = catalog.plan(subscription.planId()).orElseThrow();
            if (!plan.isCostPlus()) {
                continue;
            }
            String what = "subscription " + subscription.id() + " is on cost-plus plan " + plan.id();
            if (pools.isEmpty()) {
                throw error(book, subscription, what + ", but " + (costsFileExists ? "costs.csv has" : "there is no costs.csv:")
                        + " no cost pool for " + period.label() + ": it would bill "
                        + Money.zero(plan.currency()).amount().toPlainString() + " (add the period's pools to costs.csv)");
            }
            Money any = pools.values().iterator().next();
            if (!any.currency().equals(plan.currency())) {
                throw error(book, subscription, what + ", priced in " + plan.currency() + ", but the cost pools of "
                        + period.label() + " are in " + any.currency() + "; costs are never converted");
            }
        }
    }

    private static InputFileException error(CustomerBook book, Subscription subscription, String problem) {
        return new InputFileException("subscriptions.csv", book.lineOf(subscription.id()), problem);
    }
}
