package dev.tokenbill.rating;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.catalog.PricingModel;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.catalog.Tier;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Short builders for the catalog, customer and usage records the rating tests need. */
final class RatingFixtures {

    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency KWD = Currency.getInstance("KWD");

    static final String SUB = "sub-1";
    static final String MODEL = "gpt-x";
    static final String INPUT = "input_tokens";

    private RatingFixtures() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    // charges

    static Charge perUnit(String meter, String unitPrice) {
        return new Charge(meter, null, PricingModel.PER_UNIT, d(unitPrice), null, null, null, null, null, null);
    }

    static Charge packaged(String meter, String size, String price) {
        return new Charge(meter, null, PricingModel.PACKAGE, null, d(size), d(price), null, null, null, null);
    }

    static Charge graduated(String meter, Tier... tiers) {
        return new Charge(meter, null, PricingModel.GRADUATED, null, null, null, List.of(tiers), null, null, null);
    }

    static Charge volume(String meter, Tier... tiers) {
        return new Charge(meter, null, PricingModel.VOLUME, null, null, null, List.of(tiers), null, null, null);
    }

    static Charge withIncluded(Charge c, String included) {
        return new Charge(c.meter(), c.model(), c.pricing(), c.unitPrice(), c.packageSize(), c.packagePrice(), c.tiers(),
                d(included), c.longContextUnitPrice(), c.offPeakUnitPrice());
    }

    static Charge forModel(Charge c, String model) {
        return new Charge(c.meter(), model, c.pricing(), c.unitPrice(), c.packageSize(), c.packagePrice(), c.tiers(),
                c.included(), c.longContextUnitPrice(), c.offPeakUnitPrice());
    }

    /** Either price may be null: the condition then does not change the price. */
    static Charge withConditionPrices(Charge c, String longContext, String offPeak) {
        return new Charge(c.meter(), c.model(), c.pricing(), c.unitPrice(), c.packageSize(), c.packagePrice(),
                c.tiers(), c.included(), longContext == null ? null : d(longContext), offPeak == null ? null : d(offPeak));
    }

    static Tier tier(String upTo, String unitPrice) {
        return tier(upTo, unitPrice, "0");
    }

    /** {@code upTo} null is the unbounded last tier. */
    static Tier tier(String upTo, String unitPrice, String flatFee) {
        return new Tier(upTo == null ? null : d(upTo), d(unitPrice), d(flatFee));
    }

    // plans

    static Plan plan(Currency currency, Charge... charges) {
        return plan("plan-1", currency, BillingInterval.MONTHLY, null, null, charges);
    }

    static Plan plan(String id, Currency currency, BillingInterval interval, RecurringFee fee, String commitment,
            Charge... charges) {
        return new Plan(id, id + " plan", currency, interval, BigDecimal.ONE, fee,
                commitment == null ? null : d(commitment), Arrays.asList(charges), Map.<String, ModelConditions>of());
    }

    static Plan feePlan(Currency currency, String fee, FeeTiming timing) {
        return plan("pro", currency, BillingInterval.MONTHLY, new RecurringFee(d(fee), timing), null);
    }

    // customers, subscriptions, periods, usage

    static Customer customer(Currency currency, boolean taxExempt) {
        return new Customer("cust-1", "Acme", "billing@acme.test", "1 Main St", "DE", currency, taxExempt);
    }

    static Subscription subscription(String id, String start, String end, int quantity) {
        return new Subscription(id, "cust-1", "plan-1", LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                quantity, null);
    }

    static Subscription subscription(String start, String end) {
        return subscription(SUB, start, end, 1);
    }

    static BillingPeriod period(String label) {
        return BillingPeriod.parse(label);
    }

    static UsageTotal usage(String meter, PriceCondition condition, String quantity) {
        return new UsageTotal(SUB, MODEL, meter, condition, d(quantity));
    }

    static UsageTotal usage(String model, String meter, PriceCondition condition, String quantity) {
        return new UsageTotal(SUB, model, meter, condition, d(quantity));
    }

    static UsageTotal usage(String meter, String quantity) {
        return usage(meter, PriceCondition.STANDARD, quantity);
    }

    static Money money(String amount, Currency currency) {
        return Money.of(amount, currency);
    }

    static BigDecimal sum(List<InvoiceLine> lines) {
        return lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
