package dev.tokenbill.rating;

import dev.tokenbill.catalog.Plan;
import dev.tokenbill.money.Money;
import dev.tokenbill.usage.UsageTotal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Why a plan cannot carry the customer's period; the first of its usage in model then meter order. */
final class WhatIfReasons {

    private WhatIfReasons() {
    }

    static Optional<String> whyNot(Plan plan, List<SubscriptionUsage> actual, Money allocatedCost) {
        List<UsageTotal> usage = new ArrayList<>();
        actual.forEach(s -> usage.addAll(s.usage()));
        usage.sort(Comparator.comparing(UsageTotal::model).thenComparing(UsageTotal::meter));
        for (UsageTotal t : usage) {
            if (plan.chargeFor(t.meter(), t.model()).isPresent()) {
                continue;
            }
            if (!plan.pricesModel(t.model())) {
                return Optional.of("does not price model " + t.model());
            }
            if (!plan.pricesMeter(t.meter())) {
                return Optional.of("does not price meter " + t.meter());
            }
            return Optional.of("does not price meter " + t.meter() + " of model " + t.model());
        }
        if (plan.isCostPlus() && allocatedCost == null) {
            return Optional.of("cost-plus plan, but no infrastructure cost was allocated to the customer");
        }
        return Optional.empty();
    }
}
