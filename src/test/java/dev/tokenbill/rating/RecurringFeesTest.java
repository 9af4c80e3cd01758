package dev.tokenbill.rating;

import static dev.tokenbill.catalog.FeeTiming.IN_ADVANCE;
import static dev.tokenbill.catalog.FeeTiming.IN_ARREARS;
import static dev.tokenbill.rating.RatingFixtures.JPY;
import static dev.tokenbill.rating.RatingFixtures.KWD;
import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.d;
import static dev.tokenbill.rating.RatingFixtures.feePlan;
import static dev.tokenbill.rating.RatingFixtures.period;
import static dev.tokenbill.rating.RatingFixtures.plan;
import static dev.tokenbill.rating.RatingFixtures.subscription;
import static dev.tokenbill.rating.RatingFixtures.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurringFeesTest {

    private static final BillingPeriod OCTOBER = period("2026-10");
    private final Plan monthly100 = feePlan(USD, "100.00", IN_ARREARS);

    private static List<InvoiceLine> bill(Subscription subscription, Plan plan, BillingPeriod period) {
        return RecurringFees.lines(subscription, plan, period);
    }

    private static BigDecimal amountOf(Subscription subscription, Plan plan, BillingPeriod period) {
        return sum(bill(subscription, plan, period));
    }

    // proration by day, in arrears

    @Test
    void fullMonth_billsTheWholeFee() {
        // when
        List<InvoiceLine> lines = bill(subscription("2026-09-01", null), monthly100, OCTOBER);

        // then
        // 100.00 x 31 / 31 = 100.00
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.RECURRING);
            assertThat(line.amount().amount()).isEqualByComparingTo("100.00");
            assertThat(line.unitPrice()).isEqualByComparingTo("100.00");
            assertThat(line.quantity()).isEqualByComparingTo("1");
            assertThat(line.description()).contains("(2026-10)");
        });
    }

    @Test
    void subscriptionStartingMidPeriod_isProratedByDay() {
        // when
        List<InvoiceLine> lines = bill(subscription("2026-10-12", null), monthly100, OCTOBER);

        // then
        // Oct 12..31 = 20 of 31 days: 100.00 x 20 / 31 = 64.516... -> HALF_UP 64.52
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.amount().amount()).isEqualByComparingTo("64.52");
            assertThat(line.description()).contains("20/31 days");
        });
    }

    @Test
    void subscriptionEndingMidPeriod_endDateIsExclusive() {
        // when
        BigDecimal amount = amountOf(subscription("2026-09-01", "2026-10-12"), monthly100, OCTOBER);

        // then
        // Oct 1..11 = 11 of 31 days (Oct 12 not included): 100.00 x 11 / 31 = 35.483... -> 35.48
        assertThat(amount).isEqualByComparingTo("35.48");
    }

    @Test
    void oneDaySubscription_billsOneDay() {
        // when
        BigDecimal amount = amountOf(subscription("2026-10-12", "2026-10-13"), monthly100, OCTOBER);

        // then
        // 1 of 31 days: 100.00 x 1 / 31 = 3.2258... -> 3.23
        assertThat(amount).isEqualByComparingTo("3.23");
    }

    @Test
    void subscriptionCoveringThePeriodExactly_billsTheWholeFee() {
        // when
        BigDecimal amount = amountOf(subscription("2026-10-01", "2026-11-01"), monthly100, OCTOBER);

        // then
        // Oct 1 .. Nov 1 exclusive = 31 of 31 days -> 100.00
        assertThat(amount).isEqualByComparingTo("100.00");
    }

    @Test
    void subscriptionOutsideThePeriod_billsNothing() {
        // when
        List<InvoiceLine> ended = bill(subscription("2026-08-01", "2026-10-01"), monthly100, OCTOBER);
        List<InvoiceLine> future = bill(subscription("2026-11-01", null), monthly100, OCTOBER);

        // then
        assertThat(ended).isEmpty();
        assertThat(future).isEmpty();
    }

    @Test
    void leapFebruary_hasTwentyNineDays() {
        // when
        BigDecimal amount = amountOf(subscription("2028-02-15", null), monthly100, period("2028-02"));

        // then
        // Feb 15..29 = 15 of 29 days: 100.00 x 15 / 29 = 51.724... -> 51.72
        assertThat(amount).isEqualByComparingTo("51.72");
    }

    @Test
    void commonFebruary_hasTwentyEightDays() {
        // when
        BigDecimal amount = amountOf(subscription("2027-02-15", null), monthly100, period("2027-02"));

        // then
        // Feb 15..28 = 14 of 28 days: 100.00 x 14 / 28 = 50.00
        assertThat(amount).isEqualByComparingTo("50.00");
    }

    @Test
    void quantity_multipliesTheFeeBeforeRounding() {
        // when
        List<InvoiceLine> lines = bill(subscription("sub-1", "2026-10-12", null, 3), monthly100, OCTOBER);

        // then
        // 100.00 x 3 seats x 20 / 31 = 6000 / 31 = 193.548... -> 193.55 (not 3 x 64.52 = 193.56)
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("3");
            assertThat(line.amount().amount()).isEqualByComparingTo("193.55");
        });
    }

    @Test
    void yenAndDinarFees_roundToTheirMinorUnit() {
        // when
        BigDecimal yen = amountOf(subscription("2026-10-12", null), feePlan(JPY, "10000", IN_ARREARS), OCTOBER);
        BigDecimal dinar = amountOf(subscription("2026-10-12", null), feePlan(KWD, "10.000", IN_ARREARS), OCTOBER);

        // then
        // 10000 x 20 / 31 = 6451.6... -> 6452 ; 10.000 x 20 / 31 = 6.45161... -> 6.452
        assertThat(yen).isEqualByComparingTo("6452");
        assertThat(dinar).isEqualByComparingTo("6.452");
    }

    @Test
    void planWithoutRecurringFee_billsNoFeeLine() {
        // when
        List<InvoiceLine> lines = bill(subscription("2026-09-01", null), plan(USD), OCTOBER);

        // then
        assertThat(lines).isEmpty();
    }

    // plan changes: two subscriptions tiling the month

    @Test
    void planChangeOnTheFirstDay_billsOnlyTheNewPlan() {
        // given
        Plan basic = feePlan(USD, "100.00", IN_ARREARS);
        Plan pro = feePlan(USD, "200.00", IN_ARREARS);
        Subscription old = subscription("old", "2026-09-01", "2026-10-01", 1);
        Subscription changed = subscription("new", "2026-10-01", null, 1);

        // when
        List<InvoiceLine> oldLines = bill(old, basic, OCTOBER);
        List<InvoiceLine> newLines = bill(changed, pro, OCTOBER);

        // then
        // old: 0 of 31 days -> no line ; new: 200.00 x 31 / 31 = 200.00
        assertThat(oldLines).isEmpty();
        assertThat(sum(newLines)).isEqualByComparingTo("200.00");
    }

    @Test
    void planChangeOnTheLastDay_billsThirtyDaysOldAndOneDayNew() {
        // given
        Plan basic = feePlan(USD, "100.00", IN_ARREARS);
        Plan pro = feePlan(USD, "200.00", IN_ARREARS);
        Subscription old = subscription("old", "2026-09-01", "2026-10-31", 1);
        Subscription changed = subscription("new", "2026-10-31", null, 1);

        // when
        BigDecimal oldAmount = amountOf(old, basic, OCTOBER);
        BigDecimal newAmount = amountOf(changed, pro, OCTOBER);

        // then
        // old: Oct 1..30 = 30/31: 100.00 x 30 / 31 = 96.774... -> 96.77
        // new: Oct 31 = 1/31:     200.00 x 1 / 31 = 6.4516... -> 6.45
        assertThat(oldAmount).isEqualByComparingTo("96.77");
        assertThat(newAmount).isEqualByComparingTo("6.45");
    }

    @Test
    void samePlanSplitMidMonth_piecesAddUpToTheFullFee() {
        // given
        Subscription first = subscription("a", "2026-09-01", "2026-10-12", 1);
        Subscription second = subscription("b", "2026-10-12", null, 1);

        // when
        BigDecimal a = amountOf(first, monthly100, OCTOBER);
        BigDecimal b = amountOf(second, monthly100, OCTOBER);

        // then
        // 100.00 x 11 / 31 = 35.48 ; 100.00 x 20 / 31 = 64.52 ; 35.48 + 64.52 = 100.00
        assertThat(a.add(b)).isEqualByComparingTo("100.00");
    }

    // timing

    @Test
    void inAdvance_startedBeforeThePeriod_billsOnlyTheNextPeriod() {
        // given
        Plan plan = feePlan(USD, "100.00", IN_ADVANCE);

        // when
        List<InvoiceLine> lines = bill(subscription("2026-09-01", null), plan, OCTOBER);

        // then
        // October was billed in advance by September's invoice; this one bills November: 30/30 -> 100.00
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.amount().amount()).isEqualByComparingTo("100.00");
            assertThat(line.description()).contains("2026-11").contains("in advance");
        });
    }

    @Test
    void inAdvance_startedInThePeriod_billsThisPeriodsRestPlusTheNextPeriod() {
        // given
        Plan plan = feePlan(USD, "100.00", IN_ADVANCE);

        // when
        List<InvoiceLine> lines = bill(subscription("2026-10-12", null), plan, OCTOBER);

        // then
        // October: 100.00 x 20 / 31 = 64.52 ; November in advance: 100.00 ; 164.52
        assertThat(lines).extracting(l -> l.amount().amount()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("64.52"), d("100.00"));
        assertThat(lines.get(1).description()).contains("2026-11");
    }

    @Test
    void inAdvance_endingInTheNextPeriod_billsTheNextPeriodProrated() {
        // given
        Plan plan = feePlan(USD, "100.00", IN_ADVANCE);

        // when
        BigDecimal amount = amountOf(subscription("2026-09-01", "2026-11-15"), plan, OCTOBER);

        // then
        // November 1..14 = 14 of 30 days: 100.00 x 14 / 30 = 46.666... -> 46.67
        assertThat(amount).isEqualByComparingTo("46.67");
    }

    @Test
    void inAdvance_subscriptionStartingNextPeriod_isBilledOnceAcrossConsecutiveRuns() {
        // given: the billing run of October sees a subscription that starts on November 10
        Plan plan = feePlan(USD, "100.00", IN_ADVANCE);
        Subscription subscription = subscription("2026-11-10", null);

        // when
        List<InvoiceLine> october = bill(subscription, plan, OCTOBER);
        List<InvoiceLine> november = bill(subscription, plan, period("2026-11"));

        // then
        // November's own run bills November's rest (Nov 10..30 = 21/30: 100.00 x 21 / 30 = 70.00) and
        // December in advance (100.00); October's run must not bill November's rest a second time.
        assertThat(october).isEmpty();
        assertThat(november).extracting(l -> l.amount().amount()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("70.00"), d("100.00"));
    }

    @Test
    void inArrears_billsThisPeriodOnly() {
        // when
        List<InvoiceLine> lines = bill(subscription("2026-09-01", null), monthly100, OCTOBER);

        // then
        assertThat(lines).singleElement().satisfies(line -> assertThat(line.description()).doesNotContain("in advance")
                .contains("2026-10"));
    }

    @Test
    void dailyPlanInAdvance_billsTomorrow() {
        // given
        Plan daily = plan("daily", USD, BillingInterval.DAILY, new RecurringFee(d("5.00"), FeeTiming.IN_ADVANCE), null);

        // when
        List<InvoiceLine> lines = bill(subscription("2026-10-01", null), daily, period("2026-10-21"));

        // then
        // started before 2026-10-21 -> only 2026-10-22 in advance: 5.00 x 1 / 1 = 5.00
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.amount().amount()).isEqualByComparingTo("5.00");
            assertThat(line.description()).contains("2026-10-22");
        });
    }
}
