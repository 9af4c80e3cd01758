package dev.tokenbill.rating;

import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.UsageTotal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Re-rates a customer's period on every other plan of the same currency and interval, with the
 * same usage and the same subscription dates and quantities: what would the charges (subtotal,
 * before discounts and tax) have been? A plan that does not price some model or meter the customer
 * used is left out: it could not have carried that usage.
 */
public final class PlanWhatIf {

    private PlanWhatIf() {
    }

    /** The charges on {@code plan}, and the difference to the actual subtotal (positive: that plan costs more). */
    public record Comparison(String currentPlan, String plan, Money amount, Money difference) {
    }

    public static List<Comparison> compare(RatingEngine engine, Customer customer, BillingPeriod period,
            List<SubscriptionUsage> actual, Invoice invoice, Collection<Plan> plans, Money allocatedCost) {
        List<Comparison> result = new ArrayList<>();
        if (actual.isEmpty()) {
            return result;
        }
        String currentPlan = actual.get(actual.size() - 1).plan().id();
        for (Plan plan : plans.stream().sorted(java.util.Comparator.comparing(Plan::id)).toList()) {
            boolean current = actual.stream().allMatch(s -> s.plan().id().equals(plan.id()));
            if (current || !plan.currency().equals(customer.currency()) || plan.interval() != period.interval()) {
                continue;
            }
            Optional<List<SubscriptionUsage>> moved = moveTo(plan, actual);
            if (moved.isEmpty()) {
                continue;
            }
            Adjustments costOnly = new Adjustments(List.of(), Optional.empty(), List.of(), allocatedCost);
            Money amount = engine.rate(customer, period, moved.get(), Optional.empty(), costOnly).subtotal();
            result.add(new Comparison(currentPlan, plan.id(), amount, amount.minus(invoice.subtotal())));
        }
        return result;
    }

    private static Optional<List<SubscriptionUsage>> moveTo(Plan plan, List<SubscriptionUsage> actual) {
        List<SubscriptionUsage> moved = new ArrayList<>();
        for (SubscriptionUsage s : actual) {
            for (UsageTotal t : s.usage()) {
                if (plan.chargeFor(t.meter(), t.model()).isEmpty()) {
                    return Optional.empty();
                }
            }
            Subscription sub = s.subscription();
            moved.add(new SubscriptionUsage(new Subscription(sub.id(), sub.customerId(), plan.id(), sub.start(), sub.end(),
                    sub.quantity(), null), plan, s.usage()));
        }
        return Optional.of(moved);
    }
}
