package dev.tokenbill.rating;

import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.customer;
import static dev.tokenbill.rating.RatingFixtures.d;
import static dev.tokenbill.rating.RatingFixtures.perUnit;
import static dev.tokenbill.rating.RatingFixtures.period;
import static dev.tokenbill.rating.RatingFixtures.subscription;
import static dev.tokenbill.rating.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.catalog.Coupon;
import dev.tokenbill.discount.SubscriptionCoupon;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.LineKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A coupon counts periods of service, not invoices. The plan: fee 30.00 per month, requests at 0.10; each month
 * 100 requests = 10.00. Subscribed from 2026-10-01, so October is service period 1, November 2, December 3.
 * In advance, October's invoice holds October's fee, November's fee (period 2) and October's usage; November's
 * invoice holds December's fee (period 3) and November's usage (period 2); and so on.
 */
class RatingEngineCouponPeriodsTest {

    private static final Coupon TEN_PERCENT_TWO_PERIODS = new Coupon("TEN2", Coupon.Kind.PERCENT, d("10"), null, null,
            Coupon.Duration.REPEATING, 2, List.of(Coupon.Target.ALL));
    private static final Coupon FIXED_35_TWO_PERIODS = new Coupon("OFF35", Coupon.Kind.FIXED, null, d("35.00"), USD,
            Coupon.Duration.REPEATING, 2, List.of(Coupon.Target.ALL));

    private final RatingEngine engine = new RatingEngine();

    @Test
    void testPercentCoupon_InAdvance_FirstThreePeriods() {
        // October (period 1): period 1 = fee 30.00 + usage 10.00 = 40.00 x 10 % = 4.00;
        //                     period 2 = November's fee 30.00 x 10 % = 3.00                   discounts 7.00
        // November (period 2): December's fee is period 3 (not covered); usage 10.00 x 10 % = 1.00
        // December (period 3): January's fee (4) and December's usage (3): nothing
        // so each covered period is discounted 4.00 = 10 % of its 40.00, and no third one
        Plan plan = plan(FeeTiming.IN_ADVANCE);

        assertThat(discounts(plan, TEN_PERCENT_TWO_PERIODS, "2026-10", 1))
                .containsExactly("Coupon TEN2: 10% off all charges (period 1) -4.00",
                        "Coupon TEN2: 10% off all charges (period 2, billed in advance) -3.00");
        assertThat(discounts(plan, TEN_PERCENT_TWO_PERIODS, "2026-11", 2))
                .containsExactly("Coupon TEN2: 10% off all charges (period 2) -1.00");
        assertThat(discounts(plan, TEN_PERCENT_TWO_PERIODS, "2026-12", 3)).isEmpty();
    }

    @Test
    void testPercentCoupon_InArrears_FirstThreePeriods() {
        // each invoice holds its own period's fee 30.00 + usage 10.00 = 40.00: 4.00, 4.00, then nothing
        Plan plan = plan(FeeTiming.IN_ARREARS);

        assertThat(discounts(plan, TEN_PERCENT_TWO_PERIODS, "2026-10", 1))
                .containsExactly("Coupon TEN2: 10% off all charges (period 1) -4.00");
        assertThat(discounts(plan, TEN_PERCENT_TWO_PERIODS, "2026-11", 2))
                .containsExactly("Coupon TEN2: 10% off all charges (period 2) -4.00");
        assertThat(discounts(plan, TEN_PERCENT_TWO_PERIODS, "2026-12", 3)).isEmpty();
    }

    @Test
    void testFixedCoupon_InAdvance_FirstThreePeriods_EachPeriodGetsItsAmountOnce() {
        // October: period 1 charges 40.00 -> 35.00; period 2 charges so far: November's fee 30.00 -> 30.00 (capped)
        // November: period 2's 35.00 less the 30.00 taken off its fee on October's invoice = 5.00, on its usage 10.00
        // December: period 3 is not covered. Period 1: 35.00, period 2: 30.00 + 5.00 = 35.00
        Plan plan = plan(FeeTiming.IN_ADVANCE);

        assertThat(discounts(plan, FIXED_35_TWO_PERIODS, "2026-10", 1))
                .containsExactly("Coupon OFF35: USD 35.00 off all charges (period 1) -35.00",
                        "Coupon OFF35: USD 35.00 off all charges (period 2, billed in advance) -30.00");
        assertThat(discounts(plan, FIXED_35_TWO_PERIODS, "2026-11", 2))
                .containsExactly("Coupon OFF35: USD 35.00 off all charges (period 2) -5.00");
        assertThat(discounts(plan, FIXED_35_TWO_PERIODS, "2026-12", 3)).isEmpty();
    }

    @Test
    void testFixedCoupon_InArrears_FirstThreePeriods() {
        // 40.00 of charges each period: 35.00, 35.00, then nothing
        Plan plan = plan(FeeTiming.IN_ARREARS);

        assertThat(discounts(plan, FIXED_35_TWO_PERIODS, "2026-10", 1))
                .containsExactly("Coupon OFF35: USD 35.00 off all charges (period 1) -35.00");
        assertThat(discounts(plan, FIXED_35_TWO_PERIODS, "2026-11", 2))
                .containsExactly("Coupon OFF35: USD 35.00 off all charges (period 2) -35.00");
        assertThat(discounts(plan, FIXED_35_TWO_PERIODS, "2026-12", 3)).isEmpty();
    }

    @Test
    void testOnceCoupon_InAdvance_StartedMidMonth_DoesNotReduceTheNextPeriodsFee() {
        // from 2026-10-21: October's fee 30.00 x 11/31 = 10.645.. -> 10.65, usage 10.00: period 1 = 20.65;
        // 10 % = 2.065 -> 2.07 (HALF_UP). November's fee 30.00 billed in advance is period 2: not discounted
        // (before service periods, a once coupon took 10 % of 50.65 = 5.07 here)
        Coupon once = new Coupon("ONCE10", Coupon.Kind.PERCENT, d("10"), null, null, Coupon.Duration.ONCE, 0,
                List.of(Coupon.Target.ALL));
        Invoice invoice = rate(plan(FeeTiming.IN_ADVANCE), subscription("2026-10-21", null), once, "2026-10", 1);

        assertThat(describe(invoice)).containsExactly("Coupon ONCE10: 10% off all charges (period 1) -2.07");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("50.65");
    }

    @Test
    void testFixedCoupon_IsCappedAtTheChargesItMayReduce() {
        // a 50.00 coupon on recurring fees only, in arrears: October's fee is 30.00, so 30.00 (not 40.00, the
        // invoice's charges, and not 50.00)
        Coupon onFees = new Coupon("FEE50", Coupon.Kind.FIXED, null, d("50.00"), USD, Coupon.Duration.ONCE, 0,
                List.of(new Coupon.Target(Coupon.TargetKind.RECURRING, null)));

        assertThat(discounts(plan(FeeTiming.IN_ARREARS), onFees, "2026-10", 1))
                .containsExactly("Coupon FEE50: USD 50.00 off recurring fees (period 1) -30.00");
    }

    @Test
    void testFixedCoupon_OnUsageOnly_InAdvance_TheFeeBilledEarlierTakesNothingFromIt() {
        // a 35.00 coupon on usage, two periods, in advance: November's fee billed in October is not usage, so
        // November's usage (10.00) gets the full period amount, capped at 10.00
        Coupon onUsage = new Coupon("USE35", Coupon.Kind.FIXED, null, d("35.00"), USD, Coupon.Duration.REPEATING, 2,
                List.of(new Coupon.Target(Coupon.TargetKind.USAGE, null)));

        assertThat(discounts(plan(FeeTiming.IN_ADVANCE), onUsage, "2026-11", 2))
                .containsExactly("Coupon USE35: USD 35.00 off usage (period 2) -10.00");
    }

    // helpers

    private static Plan plan(FeeTiming timing) {
        return RatingFixtures.plan("pro", USD, BillingInterval.MONTHLY, new RecurringFee(d("30.00"), timing), null,
                perUnit("requests", "0.10"));
    }

    private List<String> discounts(Plan plan, Coupon coupon, String period, long periodNumber) {
        return describe(rate(plan, subscription("2026-10-01", null), coupon, period, periodNumber));
    }

    private Invoice rate(Plan plan, Subscription subscription, Coupon coupon, String period, long periodNumber) {
        Subscription onPlan = new Subscription(subscription.id(), subscription.customerId(), plan.id(),
                subscription.start(), subscription.end(), subscription.quantity(), coupon.code());
        return engine.rate(customer(USD, false), period(period),
                List.of(new SubscriptionUsage(onPlan, plan, List.of(usage("requests", "100")))), Optional.empty(),
                new Adjustments(List.of(new SubscriptionCoupon(onPlan.id(), coupon, periodNumber)), Optional.empty(),
                        List.of(), null));
    }

    private static List<String> describe(Invoice invoice) {
        return invoice.lines().stream().filter(l -> l.kind() == LineKind.DISCOUNT)
                .map(l -> l.description() + " " + l.amount().amount().toPlainString()).toList();
    }
}
