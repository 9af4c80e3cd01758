package dev.tokenbill.bench;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.catalog.PricingModel;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.catalog.Tier;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.RatingEngine;
import dev.tokenbill.rating.SubscriptionUsage;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long the rating engine takes for one customer with 12 models x 4 meters (48 charges, a
 * third of them graduated in three tiers, some with long-context prices), usage on all of them.
 * Run: java -cp target/test-classes:target/classes:$(cat target/bench.classpath) dev.tokenbill.bench.RatingEngineBench
 */
public final class RatingEngineBench {

    public static void main(String[] args) {
        Currency usd = Currency.getInstance("USD");
        List<Charge> charges = new ArrayList<>();
        List<UsageTotal> usage = new ArrayList<>();
        String[] meters = {"input_tokens", "cached_input_tokens", "output_tokens", "requests"};
        for (int m = 0; m < 12; m++) {
            String model = "model-" + m;
            for (int k = 0; k < meters.length; k++) {
                boolean tiered = (m + k) % 3 == 0;
                List<Tier> tiers = tiered ? List.of(new Tier(new BigDecimal("1000000"), new BigDecimal("0.000003"), BigDecimal.ZERO),
                        new Tier(new BigDecimal("10000000"), new BigDecimal("0.0000025"), BigDecimal.ZERO),
                        new Tier(null, new BigDecimal("0.000002"), BigDecimal.ZERO)) : List.of();
                charges.add(new Charge(meters[k], model, tiered ? PricingModel.GRADUATED : PricingModel.PER_UNIT,
                        tiered ? null : new BigDecimal("0.0000025"), null, null, tiers,
                        k == 0 ? new BigDecimal("500000") : null, null, null));
                usage.add(new UsageTotal("sub-1", model, meters[k], PriceCondition.STANDARD,
                        new BigDecimal(1_234_567L * (m + 1) + k)));
            }
        }
        Plan plan = new Plan("big", "Big plan", usd, BillingInterval.MONTHLY, BigDecimal.ONE,
                new RecurringFee(new BigDecimal("99.00"), FeeTiming.IN_ARREARS), new BigDecimal("5000"), charges,
                Map.<String, ModelConditions>of());
        Customer customer = new Customer("c-1", "Customer", "", "", "US", usd, false);
        Subscription subscription = new Subscription("sub-1", "c-1", "big", LocalDate.parse("2026-10-12"), null, 1, null);
        List<SubscriptionUsage> input = List.of(new SubscriptionUsage(subscription, plan, usage));
        BillingPeriod period = BillingPeriod.parse("2026-10");
        Optional<TaxRate> tax = Optional.of(new TaxRate("US", new BigDecimal("0.07"), "Sales tax"));
        RatingEngine engine = new RatingEngine();
        long sink = 0;
        for (int i = 0; i < 50_000; i++) {
            sink += engine.rate(customer, period, input, tax).lines().size();
        }
        int n = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += engine.rate(customer, period, input, tax).lines().size();
        }
        double micros = (System.nanoTime() - start) / 1e3 / n;
        System.out.printf("rating one customer with %d charges and %d usage totals: %.1f us (%d ratings, check %d)%n",
                charges.size(), usage.size(), micros, n, sink);
    }
}
