package dev.tokenbill.rating;

import static dev.tokenbill.rating.RatingFixtures.EUR;
import static dev.tokenbill.rating.RatingFixtures.INPUT;
import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.customer;
import static dev.tokenbill.rating.RatingFixtures.d;
import static dev.tokenbill.rating.RatingFixtures.forModel;
import static dev.tokenbill.rating.RatingFixtures.money;
import static dev.tokenbill.rating.RatingFixtures.perUnit;
import static dev.tokenbill.rating.RatingFixtures.period;
import static dev.tokenbill.rating.RatingFixtures.plan;
import static dev.tokenbill.rating.RatingFixtures.subscription;
import static dev.tokenbill.rating.RatingFixtures.usage;
import static dev.tokenbill.rating.RatingFixtures.withIncluded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.catalog.Coupon;
import dev.tokenbill.discount.SubscriptionCoupon;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The plan what-if: the same usage, subscription dates and quantities re-rated on every other plan
 * of the customer's currency and interval that prices everything the customer used. Amounts are
 * charges (the subtotal, before discounts and tax); difference = what-if - actual subtotal.
 *
 * <p>The customer ("cust-1", DE) is on "payg" (USD monthly) for the whole of October 2026 and used
 * 20,000,000 input and 2,000,000 output tokens of model gpt-x:
 * <pre>
 * payg   input 20,000,000 x 0.000003 = 60.00; output 2,000,000 x 0.000015 = 30.00      subtotal  90.00
 * pro    fee 50.00; input (20,000,000 - 10,000,000 included) x 0.000002 = 20.00;
 *        output 2,000,000 x 0.000012 = 24.00                                          =  94.00 (+4.00)
 * bulk   fee 10.00; input 20,000,000 x 0.000001 = 20.00; output 2,000,000 x 0.000005 = 10.00
 *                                                                                     =  40.00 (-50.00)
 * </pre>
 */
class PlanWhatIfTest {

    private static final BillingPeriod OCTOBER = period("2026-10");
    private static final String OUTPUT = "output_tokens";
    private static final Optional<TaxRate> VAT_19 = Optional.of(new TaxRate("DE", d("0.19"), "VAT"));

    private static final Plan PAYG = plan("payg", USD, BillingInterval.MONTHLY, null, null,
            perUnit(INPUT, "0.000003"), perUnit(OUTPUT, "0.000015"));
    private static final Plan PRO = plan("pro", USD, BillingInterval.MONTHLY, fee("50.00"), null,
            withIncluded(perUnit(INPUT, "0.000002"), "10000000"), perUnit(OUTPUT, "0.000012"));
    private static final Plan BULK = plan("bulk", USD, BillingInterval.MONTHLY, fee("10.00"), null,
            perUnit(INPUT, "0.000001"), perUnit(OUTPUT, "0.000005"));
    /** Cheaper still, but in another currency, of another interval, or not pricing output tokens. */
    private static final Plan BULK_EUR = plan("bulk-eur", EUR, BillingInterval.MONTHLY, null, null,
            perUnit(INPUT, "0.0000001"), perUnit(OUTPUT, "0.0000001"));
    private static final Plan BULK_DAILY = plan("bulk-daily", USD, BillingInterval.DAILY, null, null,
            perUnit(INPUT, "0.0000001"), perUnit(OUTPUT, "0.0000001"));
    private static final Plan INPUT_ONLY = plan("input-only", USD, BillingInterval.MONTHLY, null, null,
            perUnit(INPUT, "0.0000001"));
    private static final Plan OTHER_MODEL = plan("other-model", USD, BillingInterval.MONTHLY, null, null,
            forModel(perUnit(INPUT, "0.0000001"), "other"), forModel(perUnit(OUTPUT, "0.0000001"), "other"));

    private static final List<Plan> CATALOG = List.of(PAYG, PRO, BULK, BULK_EUR, BULK_DAILY, INPUT_ONLY, OTHER_MODEL);

    private final RatingEngine engine = new RatingEngine();

    @Test
    void whatIfAmounts_EqualRatingTheSameUsageOnThatPlan() {
        // given
        Customer customer = customer(USD, false);
        List<SubscriptionUsage> actual = List.of(uses(subscription("2026-01-01", null), PAYG));
        Invoice invoice = engine.rate(customer, OCTOBER, actual, VAT_19);

        // when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer, OCTOBER, actual, invoice, CATALOG, null);

        // then 40.00 on bulk, 94.00 on pro (see the class comment), each equal to rating a subscription to it
        assertThat(invoice.subtotal()).isEqualTo(money("90.00", USD));
        assertThat(describe(whatIfs)).containsExactly("payg -> bulk 40.00 (-50.00)",
                "payg -> input-only: does not price meter output_tokens", "payg -> other-model: does not price model gpt-x",
                "payg -> pro 94.00 (4.00)");
        for (PlanWhatIf.Comparison c : whatIfs.stream().filter(PlanWhatIf.Comparison::comparable).toList()) {
            Plan other = CATALOG.stream().filter(p -> p.id().equals(c.plan())).findFirst().orElseThrow();
            Invoice direct = engine.rate(customer, OCTOBER, List.of(uses(subscription("2026-01-01", null), other)),
                    Optional.empty());
            assertThat(c.amount()).as("what-if on %s", other.id()).isEqualTo(direct.subtotal());
        }
    }

    @Test
    void differenceSign_PositiveWhenTheOtherPlanCostsMore() {
        // given the customer is on bulk (40.00): payg costs 90.00 (+50.00) and pro 94.00 (+54.00)
        Customer customer = customer(USD, false);
        List<SubscriptionUsage> actual = List.of(uses(subscription("2026-01-01", null), BULK));
        Invoice invoice = engine.rate(customer, OCTOBER, actual, VAT_19);

        // when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer, OCTOBER, actual, invoice, CATALOG, null);

        // then
        List<PlanWhatIf.Comparison> comparable = whatIfs.stream().filter(PlanWhatIf.Comparison::comparable).toList();
        assertThat(describe(comparable)).containsExactly("bulk -> payg 90.00 (50.00)", "bulk -> pro 94.00 (54.00)");
        assertThat(comparable).allSatisfy(c -> assertThat(c.difference().signum()).isPositive());
    }

    @Test
    void plansOfAnotherCurrencyOrInterval_AreLeftOut_PlansNotPricingTheUsage_SayWhy() {
        // given bulk-eur (EUR), bulk-daily (daily), input-only (no output price) and other-model (prices
        // another model) are all cheaper than payg, but could not have billed this customer's October
        Customer customer = customer(USD, false);
        List<SubscriptionUsage> actual = List.of(uses(subscription("2026-01-01", null), PAYG));
        Invoice invoice = engine.rate(customer, OCTOBER, actual, VAT_19);

        // when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer, OCTOBER, actual, invoice, CATALOG, null);

        // then every other USD monthly plan has a row; the two that cannot carry the usage have no amount
        assertThat(whatIfs).extracting(PlanWhatIf.Comparison::plan).containsExactly("bulk", "input-only", "other-model", "pro");
        assertThat(whatIfs).filteredOn(c -> !c.comparable()).allSatisfy(c -> {
            assertThat(c.amount()).isNull();
            assertThat(c.difference()).isNull();
        });
        assertThat(whatIfs).extracting(PlanWhatIf.Comparison::reason)
                .containsExactly(null, "does not price meter output_tokens", "does not price model gpt-x", null);
    }

    @Test
    void aPlanPricingTheMeterButNotForThatModel_NamesBoth() {
        // given a plan with a generic input price but output priced for model "other" only
        Plan mixed = plan("mixed", USD, BillingInterval.MONTHLY, null, null, perUnit(INPUT, "0.000001"),
                forModel(perUnit(OUTPUT, "0.000001"), "other"));
        Customer customer = customer(USD, false);
        List<SubscriptionUsage> actual = List.of(uses(subscription("2026-01-01", null), PAYG));

        // when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer, OCTOBER, actual,
                engine.rate(customer, OCTOBER, actual, VAT_19), List.of(PAYG, mixed), null);

        // then
        assertThat(describe(whatIfs)).containsExactly("payg -> mixed: does not price meter output_tokens of model gpt-x");
    }

    @Test
    void aCustomerWhoChangedPlanInThePeriod_IsNeverComparedWithItsCurrentPlan() {
        // given payg until 2026-10-16, then bulk (the current plan) from 2026-10-16; the same usage on each
        // moved to pro: fee 50.00 x 15/31 = 24.19 (payg part) + 50.00 x 16/31 = 25.81 (bulk part); each
        // subscription's usage: input (20,000,000 - 10,000,000) x 0.000002 = 20.00, output 24.00 -> 2 x 44.00
        // = 24.19 + 25.81 + 88.00 = 138.00. Moved to payg (the former plan): 2 x 90.00 = 180.00
        Customer customer = customer(USD, false);
        List<SubscriptionUsage> actual = List.of(
                uses(RatingFixtures.subscription("sub-a", "2026-09-01", "2026-10-16", 1), PAYG),
                uses(RatingFixtures.subscription("sub-b", "2026-10-16", null, 1), BULK));
        Invoice invoice = engine.rate(customer, OCTOBER, actual, VAT_19);

        // when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer, OCTOBER, actual, invoice,
                List.of(PAYG, PRO, BULK), null);

        // then actual: payg 90.00 + bulk (10.00 x 16/31 = 5.16; 20.00 + 10.00) 35.16 = 125.16
        assertThat(invoice.subtotal()).isEqualTo(money("125.16", USD));
        assertThat(describe(whatIfs)).containsExactly("bulk -> payg 180.00 (54.84)", "bulk -> pro 138.00 (12.84)");
    }

    @Test
    void theLongestReason_FitsItsColumn() {
        // given the longest meter (64) and model (256) names the loaders accept, priced for another model only
        String meter = "m".repeat(dev.tokenbill.catalog.StoredLength.METER.max());
        String model = "x".repeat(dev.tokenbill.catalog.StoredLength.MODEL.max());
        Plan other = plan("other", USD, BillingInterval.MONTHLY, null, null, perUnit(INPUT, "0"),
                forModel(perUnit(meter, "0"), "y"));
        Plan current = plan("current", USD, BillingInterval.MONTHLY, null, null, perUnit(INPUT, "0"), perUnit(meter, "0"));
        Subscription s = subscription("2026-01-01", null);
        List<SubscriptionUsage> actual = List.of(new SubscriptionUsage(s, current,
                List.of(usage(model, meter, dev.tokenbill.catalog.PriceCondition.STANDARD, "1"))));
        Customer customer = customer(USD, false);

        // when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer, OCTOBER, actual,
                engine.rate(customer, OCTOBER, actual, Optional.empty()), List.of(current, other), null);

        // then "does not price meter <64> of model <256>": 21 + 64 + 10 + 256 = 351 characters
        assertThat(whatIfs.get(0).reason()).hasSize(351);
        assertThat(dev.tokenbill.catalog.StoredLength.WHATIF_REASON.problem("reason", whatIfs.get(0).reason())).isEmpty();
    }

    @Test
    void amounts_AreAtTheCurrencyScale() {
        // given JPY plans (no minor unit): 20,000,000 x 0.00031 = 6200; 2,000,000 x 0.0012 = 2400 -> 8600 JPY
        // on "yen-a"; "yen-b": 20,000,000 x 0.0002 = 4000 + 2,000,000 x 0.001 = 2000 -> 6000 JPY
        Plan yenA = plan("yen-a", RatingFixtures.JPY, BillingInterval.MONTHLY, null, null,
                perUnit(INPUT, "0.00031"), perUnit(OUTPUT, "0.0012"));
        Plan yenB = plan("yen-b", RatingFixtures.JPY, BillingInterval.MONTHLY, null, null,
                perUnit(INPUT, "0.0002"), perUnit(OUTPUT, "0.001"));
        Customer customer = customer(RatingFixtures.JPY, false);
        List<SubscriptionUsage> actual = List.of(uses(subscription("2026-01-01", null), yenA));

        // when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer, OCTOBER, actual,
                engine.rate(customer, OCTOBER, actual, Optional.empty()), List.of(yenA, yenB), null);

        // then
        assertThat(describe(whatIfs)).containsExactly("yen-a -> yen-b 6000 (-2600)");
    }

    @Test
    void whatIf_KeepsTheSubscriptionDatesAndSeats_AndIgnoresCouponsAndTax() {
        // given a subscription from 2026-10-16 (16 of 31 days) with 3 seats on payg, a 50 % coupon and VAT
        // pro fee: 50.00 x 3 seats x 16/31 = 77.419.. -> 77.42; input 20.00; output 24.00 -> 121.42
        // bulk fee: 10.00 x 3 x 16/31 = 15.483.. -> 15.48; input 20.00; output 10.00 -> 45.48
        // actual payg subtotal 90.00 (the coupon and the tax change the total, not the subtotal compared)
        Customer customer = customer(USD, false);
        Subscription subscription = RatingFixtures.subscription(RatingFixtures.SUB, "2026-10-16", null, 3);
        List<SubscriptionUsage> actual = List.of(uses(subscription, PAYG));
        Coupon half = new Coupon("HALF", Coupon.Kind.PERCENT, d("50"), null, null, Coupon.Duration.FOREVER, 0,
                List.of(Coupon.Target.ALL));
        Invoice invoice = engine.rate(customer, OCTOBER, actual, VAT_19, new Adjustments(
                List.of(new SubscriptionCoupon(RatingFixtures.SUB, half, 1)), Optional.empty(), List.of(), null));

        // when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer, OCTOBER, actual, invoice, CATALOG, null);

        // then
        assertThat(invoice.discounts()).isEqualTo(money("45.00", USD));
        assertThat(describe(whatIfs)).containsExactly("payg -> bulk 45.48 (-44.52)",
                "payg -> input-only: does not price meter output_tokens", "payg -> other-model: does not price model gpt-x",
                "payg -> pro 121.42 (31.42)");
    }

    @Test
    void costPlusPlan_IsComparedWithTheCustomersAllocatedCost() {
        // given a cost-plus plan (margin 25 %) that prices the same tokens at 0, and 60.00 of allocated cost
        // what-if: 0.00 + 0.00 + 60.00 x 1.25 = 75.00; actual payg 90.00: difference -15.00
        Plan costPlus = new Plan("infra", "Infra", USD, BillingInterval.MONTHLY, BigDecimal.ONE, null, null,
                List.of(perUnit(INPUT, "0"), perUnit(OUTPUT, "0")), Map.<String, ModelConditions>of(), d("0.25"));
        Customer customer = customer(USD, false);
        List<SubscriptionUsage> actual = List.of(uses(subscription("2026-01-01", null), PAYG));
        Invoice invoice = engine.rate(customer, OCTOBER, actual, VAT_19);

        // when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer, OCTOBER, actual, invoice,
                List.of(PAYG, costPlus), money("60.00", USD));

        // then
        assertThat(describe(whatIfs)).containsExactly("payg -> infra 75.00 (-15.00)");
    }

    @Test
    void customerWithoutSubscriptionsInThePeriod_HasNoComparisons() {
        // given / when
        List<PlanWhatIf.Comparison> whatIfs = PlanWhatIf.compare(engine, customer(USD, false), OCTOBER, List.of(),
                null, CATALOG, null);

        // then
        assertThat(whatIfs).isEmpty();
    }

    // helpers

    private static RecurringFee fee(String amount) {
        return new RecurringFee(d(amount), FeeTiming.IN_ARREARS);
    }

    private static SubscriptionUsage uses(Subscription subscription, Plan plan) {
        List<UsageTotal> usage = List.of(usage(INPUT, "20000000"), usage(OUTPUT, "2000000"));
        return new SubscriptionUsage(new Subscription(subscription.id(), subscription.customerId(), plan.id(),
                subscription.start(), subscription.end(), subscription.quantity(), null), plan, usage);
    }

    private static List<String> describe(List<PlanWhatIf.Comparison> whatIfs) {
        return whatIfs.stream().map(c -> c.currentPlan() + " -> " + c.plan() + (c.comparable()
                ? " " + plain(c.amount()) + " (" + plain(c.difference()) + ")" : ": " + c.reason())).toList();
    }

    private static String plain(Money money) {
        return money.amount().toPlainString();
    }
}
