package dev.tokenbill.job.rating;

import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.money.Money;
import dev.tokenbill.rating.CreditedUnusedDays;
import dev.tokenbill.rating.PrepaidFee;
import dev.tokenbill.usage.UsageTotal;
import java.util.List;

/**
 * Everything the rating step needs about one customer, read with the rest of its chunk: its
 * subscriptions (by start date), usage totals, credit grants with their balances before the period
 * (by grant id), its allocated cost (null when none was allocated), the fees the previous
 * period's final invoice billed in advance for this one, and the unused days the next period's final invoice already
 * credited (only when this period is billed again after the next one is final).
 */
public record CustomerToRate(Customer customer, List<Subscription> subscriptions, List<UsageTotal> usage,
        List<CreditGrant> credits, Money allocatedCost, List<PrepaidFee> prepaidFees,
        List<CreditedUnusedDays> creditedByNextPeriod) {

    public CustomerToRate {
        subscriptions = List.copyOf(subscriptions);
        usage = List.copyOf(usage);
        credits = List.copyOf(credits);
        prepaidFees = prepaidFees == null ? List.of() : List.copyOf(prepaidFees);
        creditedByNextPeriod = creditedByNextPeriod == null ? List.of() : List.copyOf(creditedByNextPeriod);
    }
}
