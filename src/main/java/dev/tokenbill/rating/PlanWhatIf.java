package dev.tokenbill.rating;

import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Re-rates a customer's period on every other plan of the same currency and interval, with the same
 * usage and the same subscription dates and quantities: what would the charges (subtotal, before
 * discounts and tax, at the currency's scale) have been? Every such plan gets a comparison: with an
 * amount, or with the reason it cannot carry the customer's period (it does not price a model or
 * meter used; it is cost-plus and no cost was allocated). The customer's current plan (that of its
 * latest subscription in the period) is never compared with itself.
 */
public final class PlanWhatIf {

    private PlanWhatIf() {
    }

    /**
     * The charges on {@code plan} and the difference to the actual subtotal (positive: that plan costs more), or,
     * when it cannot be compared, null amount and difference and the {@code reason}.
     */
    public record Comparison(String currentPlan, String plan, Money amount, Money difference, String reason) {

        public static Comparison of(String currentPlan, String plan, Money amount, Money difference) {
            return new Comparison(currentPlan, plan, amount, difference, null);
        }

        public boolean comparable() {
            return reason == null;
        }
    }

    public static List<Comparison> compare(RatingEngine engine, Customer customer, BillingPeriod period,
            List<SubscriptionUsage> actual, Invoice invoice, Collection<Plan> plans, Money allocatedCost) {
        List<Comparison> result = new ArrayList<>();
        if (actual.isEmpty()) {
            return result;
        }
        String currentPlan = actual.stream().max(Comparator.comparing((SubscriptionUsage s) -> s.subscription().start())
                .thenComparing(s -> s.subscription().id())).orElseThrow().plan().id();
        for (Plan plan : plans.stream().sorted(Comparator.comparing(Plan::id)).toList()) {
            if (plan.id().equals(currentPlan) || !plan.currency().equals(customer.currency())
                    || plan.interval() != period.interval()) {
                continue;
            }
            Optional<String> reason = WhatIfReasons.whyNot(plan, actual, allocatedCost);
            if (reason.isPresent()) {
                result.add(new Comparison(currentPlan, plan.id(), null, null, reason.get()));
                continue;
            }
            Adjustments costOnly = new Adjustments(List.of(), Optional.empty(), List.of(), allocatedCost);
            Money amount = engine.rate(customer, period, moveTo(plan, actual), Optional.empty(), costOnly).subtotal();
            result.add(Comparison.of(currentPlan, plan.id(), amount, amount.minus(invoice.subtotal())));
        }
        return result;
    }

    private static List<SubscriptionUsage> moveTo(Plan plan, List<SubscriptionUsage> actual) {
        List<SubscriptionUsage> moved = new ArrayList<>();
        for (SubscriptionUsage s : actual) {
            Subscription sub = s.subscription();
            moved.add(new SubscriptionUsage(new Subscription(sub.id(), sub.customerId(), plan.id(), sub.start(), sub.end(),
                    sub.quantity(), null), plan, s.usage()));
        }
        return moved;
    }
}
