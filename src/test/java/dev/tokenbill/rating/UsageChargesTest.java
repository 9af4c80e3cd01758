package dev.tokenbill.rating;

import static dev.tokenbill.catalog.PriceCondition.LONG_CONTEXT;
import static dev.tokenbill.catalog.PriceCondition.OFF_PEAK;
import static dev.tokenbill.catalog.PriceCondition.STANDARD;
import static dev.tokenbill.rating.RatingFixtures.INPUT;
import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.d;
import static dev.tokenbill.rating.RatingFixtures.forModel;
import static dev.tokenbill.rating.RatingFixtures.graduated;
import static dev.tokenbill.rating.RatingFixtures.packaged;
import static dev.tokenbill.rating.RatingFixtures.perUnit;
import static dev.tokenbill.rating.RatingFixtures.plan;
import static dev.tokenbill.rating.RatingFixtures.subscription;
import static dev.tokenbill.rating.RatingFixtures.sum;
import static dev.tokenbill.rating.RatingFixtures.tier;
import static dev.tokenbill.rating.RatingFixtures.usage;
import static dev.tokenbill.rating.RatingFixtures.withConditionPrices;
import static dev.tokenbill.rating.RatingFixtures.withIncluded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.usage.UsageTotal;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageChargesTest {

    private final Subscription subscription = subscription("2026-10-01", null);

    /** input tokens: 0.000002 standard, 0.000004 long context, 0.000001 off-peak. */
    private static Charge tokens() {
        return withConditionPrices(perUnit(INPUT, "0.000002"), "0.000004", "0.000001");
    }

    private List<InvoiceLine> rate(Plan plan, UsageTotal... usage) {
        return UsageCharges.lines(subscription, plan, List.of(usage));
    }

    // included quota

    @Test
    void quota_largerThanUsage_billsNothing() {
        // given
        Plan plan = plan(USD, withIncluded(tokens(), "1000000"));

        // when
        List<InvoiceLine> lines = rate(plan, usage(INPUT, "400000"));

        // then
        // 400,000 used, all within the 1,000,000 quota -> billed 0 -> 0.00
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.USAGE);
            assertThat(line.usage()).isEqualByComparingTo("400000");
            assertThat(line.included()).isEqualByComparingTo("400000");
            assertThat(line.quantity()).isEqualByComparingTo("0");
            assertThat(line.amount().amount()).isEqualByComparingTo("0.00");
        });
    }

    @Test
    void quota_partiallyUsed_billsOnlyTheOverage() {
        // given
        Plan plan = plan(USD, withIncluded(tokens(), "1000000"));

        // when
        List<InvoiceLine> lines = rate(plan, usage(INPUT, "1500000"));

        // then
        // 1,500,000 - 1,000,000 included = 500,000 billed x 0.000002 = 1.00
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.included()).isEqualByComparingTo("1000000");
            assertThat(line.quantity()).isEqualByComparingTo("500000");
            assertThat(line.unitPrice()).isEqualByComparingTo("0.000002");
            assertThat(line.amount().amount()).isEqualByComparingTo("1.00");
        });
    }

    @Test
    void quota_consumedByStandardThenOffPeakThenLongContext() {
        // given
        Plan plan = plan(USD, withIncluded(tokens(), "1000000"));

        // when: usage listed in the opposite order on purpose
        List<InvoiceLine> lines = rate(plan,
                usage(INPUT, LONG_CONTEXT, "500000"), usage(INPUT, OFF_PEAK, "300000"), usage(INPUT, STANDARD, "600000"));

        // then
        // standard:     600,000, quota 1,000,000 -> 600,000 included, 0 billed -> 0.00 (quota left 400,000)
        // off-peak:     300,000 -> 300,000 included, 0 billed -> 0.00 (quota left 100,000)
        // long context: 500,000 -> 100,000 included, 400,000 billed x 0.000004 = 1.60
        assertThat(lines).extracting(InvoiceLine::condition).containsExactly(STANDARD, OFF_PEAK, LONG_CONTEXT);
        assertThat(lines).extracting(InvoiceLine::included).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("600000"), d("300000"), d("100000"));
        assertThat(lines).extracting(InvoiceLine::quantity).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("0"), d("0"), d("400000"));
        assertThat(lines.get(2).amount().amount()).isEqualByComparingTo("1.60");
        assertThat(sum(lines)).isEqualByComparingTo("1.60");
    }

    @Test
    void quota_muchLargerThanUsage_neverMakesTheChargeNegative() {
        // given
        Plan plan = plan(USD, withIncluded(packaged("images", "1000", "0.50"), "5000000"));

        // when
        List<InvoiceLine> lines = rate(plan, usage("images", "1"));

        // then
        // billed = 1 - min(5,000,000, 1) = 0 -> 0 blocks -> 0.00, never below zero
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("0");
            assertThat(line.amount().amount()).isEqualByComparingTo("0.00");
        });
    }

    @Test
    void quota_onGraduatedCharge_overageStartsAtTheFirstTier() {
        // given
        Plan plan = plan(USD, withIncluded(graduated(INPUT, tier("1000", "0.10"), tier(null, "0.05")), "500"));

        // when
        List<InvoiceLine> lines = rate(plan, usage(INPUT, "1800"));

        // then
        // billed 1800 - 500 = 1300: tier 1 1000 x 0.10 = 100.00 ; tier 2 300 x 0.05 = 15.00 ; 115.00
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("1300");
            assertThat(line.amount().amount()).isEqualByComparingTo("115.00");
            assertThat(line.tiers()).hasSize(2);
            assertThat(line.unitPrice()).isNull();
        });
    }

    @Test
    void quota_onVolumeCharge_canBillMoreThanNoQuota() {
        // given: documents current behaviour, a consequence of volume pricing with a cheaper higher tier
        Charge cheaperAbove = RatingFixtures.volume("requests", tier("100", "1.00"), tier(null, "0.50"));
        Plan withQuota = plan(USD, withIncluded(cheaperAbove, "50"));
        Plan withoutQuota = plan(USD, cheaperAbove);

        // when
        List<InvoiceLine> quota = rate(withQuota, usage("requests", "150"));
        List<InvoiceLine> noQuota = rate(withoutQuota, usage("requests", "150"));

        // then
        // with quota: billed 150 - 50 = 100 <= 100 -> tier 1: 100 x 1.00 = 100.00
        // without:    150 > 100 -> tier 2: 150 x 0.50 = 75.00 ; the free units raise the bill by 25.00
        assertThat(sum(quota)).isEqualByComparingTo("100.00");
        assertThat(sum(noQuota)).isEqualByComparingTo("75.00");
    }

    // price conditions

    @Test
    void conditionUnits_arePricedAtTheConditionPriceOnTheirOwnLine() {
        // given
        Plan plan = plan(USD, tokens());

        // when
        List<InvoiceLine> lines = rate(plan,
                usage(INPUT, STANDARD, "1250000"), usage(INPUT, OFF_PEAK, "2000000"), usage(INPUT, LONG_CONTEXT, "300000"));

        // then
        // standard:     1,250,000 x 0.000002 = 2.50
        // off-peak:     2,000,000 x 0.000001 = 2.00
        // long context:   300,000 x 0.000004 = 1.20
        assertThat(lines).extracting(InvoiceLine::condition).containsExactly(STANDARD, OFF_PEAK, LONG_CONTEXT);
        assertThat(lines).extracting(InvoiceLine::unitPrice).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("0.000002"), d("0.000001"), d("0.000004"));
        assertThat(lines).extracting(l -> l.amount().amount()).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("2.50"), d("2.00"), d("1.20"));
        assertThat(lines.get(1).description()).contains("off-peak");
        assertThat(lines.get(2).description()).contains("long context");
    }

    @Test
    void conditionUnits_withoutAConditionPrice_arePricedAsStandard() {
        // given: an off-peak price but no long-context price
        Plan plan = plan(USD, withConditionPrices(perUnit(INPUT, "0.000002"), null, "0.000001"));

        // when
        List<InvoiceLine> lines = rate(plan,
                usage(INPUT, STANDARD, "1000000"), usage(INPUT, LONG_CONTEXT, "500000"), usage(INPUT, OFF_PEAK, "100000"));

        // then
        // long-context units join standard: (1,000,000 + 500,000) x 0.000002 = 3.00
        // off-peak: 100,000 x 0.000001 = 0.10
        assertThat(lines).extracting(InvoiceLine::condition).containsExactly(STANDARD, OFF_PEAK);
        assertThat(lines.get(0).usage()).isEqualByComparingTo("1500000");
        assertThat(lines.get(0).amount().amount()).isEqualByComparingTo("3.00");
        assertThat(lines.get(1).amount().amount()).isEqualByComparingTo("0.10");
    }

    @Test
    void conditionUnits_withoutAConditionPrice_joinTheStandardTiers() {
        // given: graduated, no condition prices at all
        Plan plan = plan(USD, graduated(INPUT, tier("1000", "0.10"), tier(null, "0.05")));

        // when
        List<InvoiceLine> lines = rate(plan, usage(INPUT, STANDARD, "800"), usage(INPUT, OFF_PEAK, "400"));

        // then
        // pooled 800 + 400 = 1200: tier 1 1000 x 0.10 = 100.00 ; tier 2 200 x 0.05 = 10.00 ; 110.00
        // (not 80.00 + 40.00 = 120.00 as two separately tiered pools would give)
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.condition()).isEqualTo(STANDARD);
            assertThat(line.amount().amount()).isEqualByComparingTo("110.00");
        });
    }

    @Test
    void conditionUnits_ofATieredCharge_arePricedPerUnitAndDescribedAsSuch() {
        // given
        Plan plan = plan(USD, withConditionPrices(graduated(INPUT, tier("1000", "0.10"), tier(null, "0.05")), "0.30", null));

        // when
        List<InvoiceLine> lines = rate(plan, usage(INPUT, STANDARD, "1200"), usage(INPUT, LONG_CONTEXT, "100"));

        // then
        // standard: 1000 x 0.10 + 200 x 0.05 = 100.00 + 10.00 = 110.00 (graduated)
        // long context: 100 x 0.30 = 30.00 (per unit, no tiers)
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).amount().amount()).isEqualByComparingTo("110.00");
        assertThat(lines.get(0).description()).isEqualTo("All models, input tokens, graduated tiers");
        InvoiceLine longContext = lines.get(1);
        assertThat(longContext.amount().amount()).isEqualByComparingTo("30.00");
        assertThat(longContext.unitPrice()).isEqualByComparingTo("0.30");
        assertThat(longContext.tiers()).isEmpty();
        assertThat(longContext.description()).isEqualTo("All models, input tokens (long context)");
    }

    // pooling and charge selection

    @Test
    void genericCharge_poolsEveryModelBeforeTiering() {
        // given
        Plan plan = plan(USD, graduated(INPUT, tier("1000", "0.10"), tier(null, "0.05")));

        // when
        List<InvoiceLine> lines = rate(plan, usage("model-a", INPUT, STANDARD, "600"), usage("model-b", INPUT, STANDARD, "600"));

        // then
        // 600 + 600 = 1200: 1000 x 0.10 + 200 x 0.05 = 110.00
        assertThat(lines).singleElement().satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("110.00"));
    }

    @Test
    void modelSpecificCharge_winsOverTheGenericOne() {
        // given
        Plan plan = plan(USD, forModel(perUnit(INPUT, "0.01"), "model-a"), perUnit(INPUT, "0.02"));

        // when
        List<InvoiceLine> lines = rate(plan, usage("model-b", INPUT, STANDARD, "100"), usage("model-a", INPUT, STANDARD, "100"));

        // then
        // model-a: 100 x 0.01 = 1.00 (its own charge) ; model-b: 100 x 0.02 = 2.00 (generic), in plan order
        assertThat(lines).extracting(InvoiceLine::model).containsExactly("model-a", null);
        assertThat(lines).extracting(l -> l.amount().amount()).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("1.00"), d("2.00"));
    }

    @Test
    void chargeWithoutUsage_producesNoLine() {
        // given
        Plan plan = plan(USD, tokens(), perUnit("output_tokens", "0.00001"));

        // when
        List<InvoiceLine> lines = rate(plan, usage(INPUT, "1000"));

        // then
        assertThat(lines).singleElement().satisfies(line -> assertThat(line.meter()).isEqualTo(INPUT));
    }

    @Test
    void usageOfAMeterThePlanDoesNotPrice_isAnError() {
        // given
        Plan plan = plan(USD, tokens());

        // when / then: never silently billed at zero
        assertThatThrownBy(() -> rate(plan, usage("gpu_seconds", "10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpu_seconds");
    }
}
