package dev.tokenbill.rating;

import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.usage.UsageTotal;
import java.util.List;

/** One subscription of the customer in the period, its plan, and its accepted usage totals. */
public record SubscriptionUsage(Subscription subscription, Plan plan, List<UsageTotal> usage) {

    public SubscriptionUsage {
        usage = List.copyOf(usage);
    }
}
