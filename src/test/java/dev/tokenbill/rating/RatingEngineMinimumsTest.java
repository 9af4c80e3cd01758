package dev.tokenbill.rating;

import static dev.tokenbill.rating.RatingFixtures.INPUT;
import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.customer;
import static dev.tokenbill.rating.RatingFixtures.d;
import static dev.tokenbill.rating.RatingFixtures.perUnit;
import static dev.tokenbill.rating.RatingFixtures.period;
import static dev.tokenbill.rating.RatingFixtures.subscription;
import static dev.tokenbill.rating.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.ChargeMinimums;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.MinimumCommitmentBase;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Minimums: the plan's {@code minimum_commitment} on usage only (the default) or on fee and usage ("minimum
 * spend"), and a charge's own {@code minimum}. Requests cost 0.10 each; October has 31 days.
 */
class RatingEngineMinimumsTest {

    private static final BillingPeriod OCTOBER = period("2026-10");
    private static final String OUTPUT = "output_tokens";
    private static final String GPU = "gpu_seconds";

    private final RatingEngine engine = new RatingEngine();

    // the plan's minimum commitment

    @Test
    void testUsageCommitment_ByDefault_TheFeeDoesNotCount() {
        // given fee 50.00, 200 requests = 20.00, commitment 100.00 on usage: true-up 100.00 - 20.00 = 80.00
        Plan plan = plan(fee("50.00", FeeTiming.IN_ARREARS), "100.00", null);

        // when
        Invoice invoice = rate(plan, subscription("2026-09-01", null), usage("requests", "200"));

        // then
        assertThat(plan.minimumBase()).isEqualTo(MinimumCommitmentBase.USAGE);
        assertThat(trueUps(invoice)).containsExactly("Minimum commitment true-up (USD 100.00 committed, USD 20.00 used) 80.00");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("150.00");
    }

    @Test
    void testMinimumSpend_FeeAndUsageCount() {
        // given the same plan with the minimum on fee and usage: 50.00 + 20.00 = 70.00 spent, true-up 30.00
        Plan plan = plan(fee("50.00", FeeTiming.IN_ARREARS), "100.00", MinimumCommitmentBase.FEE_AND_USAGE);

        // when
        Invoice invoice = rate(plan, subscription("2026-09-01", null), usage("requests", "200"));

        // then
        assertThat(trueUps(invoice))
                .containsExactly("Minimum spend true-up, fee and usage (USD 100.00 committed, USD 70.00 spent) 30.00");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("100.00");
    }

    @Test
    void testMinimumSpend_AboveTheMinimum_NoTrueUp() {
        // given fee 50.00 + 600 requests = 60.00: 110.00 spent >= 100.00
        Plan plan = plan(fee("50.00", FeeTiming.IN_ARREARS), "100.00", MinimumCommitmentBase.FEE_AND_USAGE);

        // when
        Invoice invoice = rate(plan, subscription("2026-09-01", null), usage("requests", "600"));

        // then
        assertThat(trueUps(invoice)).isEmpty();
    }

    @Test
    void testMinimumSpend_InAdvance_CountsThisPeriodsFee_NotTheNextOne() {
        // given an in-advance fee, subscribed since September: October's fee (50.00) was billed on September's
        // invoice and counts; November's, billed now, belongs to November. 50.00 + 20.00 = 70.00: true-up 30.00
        Plan plan = plan(fee("50.00", FeeTiming.IN_ADVANCE), "100.00", MinimumCommitmentBase.FEE_AND_USAGE);

        // when
        Invoice invoice = rate(plan, subscription("2026-09-01", null), usage("requests", "200"));

        // then the invoice: November's fee 50.00 + usage 20.00 + true-up 30.00
        assertThat(trueUps(invoice))
                .containsExactly("Minimum spend true-up, fee and usage (USD 100.00 committed, USD 70.00 spent) 30.00");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("100.00");
    }

    @Test
    void testMinimumSpend_ProratedByActiveDays() {
        // given a start on 2026-10-21 (11 of 31 days): commitment 100.00 x 11/31 = 35.483.. -> 35.48;
        // fee 50.00 x 11/31 = 17.741.. -> 17.74; 50 requests = 5.00; spent 22.74, true-up 35.48 - 22.74 = 12.74
        Plan plan = plan(fee("50.00", FeeTiming.IN_ARREARS), "100.00", MinimumCommitmentBase.FEE_AND_USAGE);

        // when
        Invoice invoice = rate(plan, subscription("2026-10-21", null), usage("requests", "50"));

        // then
        assertThat(trueUps(invoice))
                .containsExactly("Minimum spend true-up, fee and usage (USD 35.48 committed, USD 22.74 spent) 12.74");
    }

    // a charge's own minimum

    @Test
    void testChargeMinimums_EachTopsUpItsOwnCharge() {
        // given input 0.000001 (minimum 10.00), output 0.000004 (minimum 5.00), gpu 0.01 (minimum 3.00), no plan minimum
        // input 4,000,000 x 0.000001 = 4.00 < 10.00: true-up 6.00; output 2,000,000 x 0.000004 = 8.00 >= 5.00: none;
        // gpu: no usage, 0.00 < 3.00: true-up 3.00
        Plan plan = plan(null, null, null, withMinimum(perUnit(INPUT, "0.000001"), "10.00"),
                withMinimum(perUnit(OUTPUT, "0.000004"), "5.00"), withMinimum(perUnit(GPU, "0.01"), "3.00"));

        // when
        Invoice invoice = rate(plan, subscription("2026-09-01", null), usage(INPUT, "4000000"), usage(OUTPUT, "2000000"));

        // then 4.00 + 8.00 + 6.00 + 3.00 = 21.00
        assertThat(trueUps(invoice)).containsExactly(
                "Minimum for all models, input tokens true-up (USD 10.00 committed, USD 4.00 used) 6.00",
                "Minimum for all models, gpu seconds true-up (USD 3.00 committed, USD 0.00 used) 3.00");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("21.00");
    }

    @Test
    void testChargeMinimum_OfAModelSpecificCharge_NamesTheModel_AndIsProrated() {
        // given input of model gpt-x at 0.000001, minimum 10.00, from 2026-10-21: 10.00 x 11/31 = 3.548.. -> 3.55;
        // 1,000,000 tokens = 1.00: true-up 2.55
        Plan plan = plan(null, null, null, withMinimum(RatingFixtures.forModel(perUnit(INPUT, "0.000001"), "gpt-x"), "10.00"));

        // when
        Invoice invoice = rate(plan, subscription("2026-10-21", null), usage(INPUT, "1000000"));

        // then
        assertThat(trueUps(invoice)).containsExactly("Minimum for gpt-x, input tokens true-up (USD 3.55 committed, USD 1.00 used) 2.55");
    }

    @Test
    void testChargeMinimumsAndPlanCommitment_TheChargeTrueUpsCountTowardThePlans() {
        // given the three charges above and a plan commitment of 25.00 on usage: usage 12.00 + charge true-ups
        // 9.00 = 21.00, so the plan tops up 4.00 (not 25.00 - 12.00 = 13.00, which would bill a shortfall twice)
        Plan plan = plan(null, "25.00", null, withMinimum(perUnit(INPUT, "0.000001"), "10.00"),
                withMinimum(perUnit(OUTPUT, "0.000004"), "5.00"), withMinimum(perUnit(GPU, "0.01"), "3.00"));

        // when
        Invoice invoice = rate(plan, subscription("2026-09-01", null), usage(INPUT, "4000000"), usage(OUTPUT, "2000000"));

        // then
        assertThat(trueUps(invoice)).containsExactly(
                "Minimum for all models, input tokens true-up (USD 10.00 committed, USD 4.00 used) 6.00",
                "Minimum for all models, gpu seconds true-up (USD 3.00 committed, USD 0.00 used) 3.00",
                "Minimum commitment true-up (USD 25.00 committed, USD 21.00 used) 4.00");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("25.00");
    }

    // helpers

    private Invoice rate(Plan plan, Subscription subscription, UsageTotal... usage) {
        return engine.rate(customer(USD, false), OCTOBER, List.of(new SubscriptionUsage(subscription, plan,
                List.of(usage))), Optional.empty());
    }

    private static Plan plan(RecurringFee fee, String commitment, MinimumCommitmentBase base, Charge... charges) {
        List<Charge> list = charges.length == 0 ? List.of(perUnit("requests", "0.10")) : Arrays.asList(charges);
        return new Plan("plan-1", "Plan 1", USD, BillingInterval.MONTHLY, BigDecimal.ONE, fee,
                commitment == null ? null : d(commitment), list, Map.<String, ModelConditions>of(), null, base);
    }

    private static RecurringFee fee(String amount, FeeTiming timing) {
        return new RecurringFee(d(amount), timing);
    }

    private static Charge withMinimum(Charge c, String minimum) {
        return new Charge(c.meter(), c.model(), c.pricing(), c.unitPrice(), c.packageSize(), c.packagePrice(), c.tiers(),
                c.included(), c.longContextUnitPrice(), c.offPeakUnitPrice(), new ChargeMinimums(d(minimum), false));
    }

    private static List<String> trueUps(Invoice invoice) {
        return invoice.lines().stream().filter(l -> l.kind() == LineKind.TRUE_UP)
                .map(l -> l.description() + " " + l.amount().amount().toPlainString()).toList();
    }
}
