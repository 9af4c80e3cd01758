package dev.tokenbill.rating;

import static dev.tokenbill.rating.RatingFixtures.EUR;
import static dev.tokenbill.rating.RatingFixtures.JPY;
import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.customer;
import static dev.tokenbill.rating.RatingFixtures.d;
import static dev.tokenbill.rating.RatingFixtures.perUnit;
import static dev.tokenbill.rating.RatingFixtures.period;
import static dev.tokenbill.rating.RatingFixtures.plan;
import static dev.tokenbill.rating.RatingFixtures.subscription;
import static dev.tokenbill.rating.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.invoice.InvoiceTax;
import dev.tokenbill.invoice.TaxCategory;
import dev.tokenbill.tax.TaxDecision;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatingEngineTest {

    private static final BillingPeriod OCTOBER = period("2026-10");
    private static final Optional<TaxRate> VAT_19 = Optional.of(new TaxRate("DE", d("0.19"), "VAT"));

    private final RatingEngine engine = new RatingEngine();

    /** 0.10 per request, optional minimum commitment, no fee. */
    private static Plan requestsPlan(String commitment) {
        return plan("requests", USD, BillingInterval.MONTHLY, null, commitment, perUnit("requests", "0.10"));
    }

    private static Plan feePlan(String id, String fee) {
        return plan(id, USD, BillingInterval.MONTHLY, new RecurringFee(d(fee), FeeTiming.IN_ARREARS), null);
    }

    private Invoice rate(Customer customer, Optional<TaxRate> tax, SubscriptionUsage... subscriptions) {
        return engine.rate(customer, OCTOBER, List.of(subscriptions), tax);
    }

    private static SubscriptionUsage uses(Subscription subscription, Plan plan, UsageTotal... usage) {
        return new SubscriptionUsage(subscription, plan, List.of(usage));
    }

    // tax and totals

    @Test
    void tax_isComputedOnceOnTheSubtotal_halfUp() {
        // given
        SubscriptionUsage s = uses(subscription("2026-09-01", null), requestsPlan(null), usage("requests", "105"));

        // when
        Invoice invoice = rate(customer(USD, false), VAT_19, s);

        // then
        // usage 105 x 0.10 = 10.50 ; tax 10.50 x 0.19 = 1.995 -> HALF_UP 2.00 ; total 12.50
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("10.50");
        assertThat(invoice.tax().amount()).isEqualByComparingTo("2.00");
        assertThat(invoice.taxName()).isEqualTo("VAT");
        assertThat(invoice.taxRate()).isEqualByComparingTo("0.19");
        assertThat(invoice.total().amount()).isEqualByComparingTo("12.50");
        assertThat(invoice.amountDue().amount()).isEqualByComparingTo("12.50");
        assertThat(invoice.discounts().isZero()).isTrue();
        assertThat(invoice.credits().isZero()).isTrue();
    }

    @Test
    void taxDecision_reverseCharge_chargesNoTax_andKeepsTheNotice() {
        // given: 105 requests x 0.10 = 10.50, reverse charged
        SubscriptionUsage s = uses(subscription("2026-09-01", null), requestsPlan(null), usage("requests", "105"));
        TaxDecision reverse = new TaxDecision(TaxCategory.REVERSE_CHARGE, "DE", BigDecimal.ZERO, "VAT", "Reverse charge");

        // when
        Invoice invoice = engine.rate(customer(USD, false), OCTOBER, List.of(s), reverse, Adjustments.NONE);

        // then
        assertThat(invoice.tax().amount()).isEqualByComparingTo("0.00");
        assertThat(invoice.total().amount()).isEqualByComparingTo("10.50");
        assertThat(invoice.taxExempt()).isFalse();
        assertThat(invoice.taxation()).isEqualTo(new InvoiceTax(TaxCategory.REVERSE_CHARGE, "DE", "Reverse charge", null));
        assertThat(invoice.taxes()).singleElement().satisfies(t -> {
            assertThat(t.category()).isEqualTo(TaxCategory.REVERSE_CHARGE);
            assertThat(t.taxable().amount()).isEqualByComparingTo("10.50");
            assertThat(t.tax().amount()).isEqualByComparingTo("0.00");
        });
    }

    @Test
    void taxDecision_consumerRate_isAppliedOnceHalfUp() {
        // given: 10.50 at the NL rate 21 %: 2.205 -> HALF_UP 2.21; total 12.71
        SubscriptionUsage s = uses(subscription("2026-09-01", null), requestsPlan(null), usage("requests", "105"));
        TaxDecision oss = new TaxDecision(TaxCategory.STANDARD, "NL", d("0.21"), "VAT", null);

        // when
        Invoice invoice = engine.rate(customer(USD, false), OCTOBER, List.of(s), oss, Adjustments.NONE);

        // then
        assertThat(invoice.tax().amount()).isEqualByComparingTo("2.21");
        assertThat(invoice.total().amount()).isEqualByComparingTo("12.71");
        assertThat(invoice.taxes()).singleElement().satisfies(t -> {
            assertThat(t.country()).isEqualTo("NL");
            assertThat(t.rate()).isEqualByComparingTo("0.21");
            assertThat(t.taxable().amount()).isEqualByComparingTo("10.50");
            assertThat(t.tax().amount()).isEqualByComparingTo("2.21");
        });
    }

    @Test
    void tax_onTheSubtotal_isNotTheSumOfPerLineTaxes() {
        // given: two lines of 0.05 each
        Plan plan = plan("two", USD, BillingInterval.MONTHLY, null, null,
                perUnit("requests", "0.05"), perUnit("images", "0.05"));
        SubscriptionUsage s = uses(subscription("2026-09-01", null), plan, usage("requests", "1"), usage("images", "1"));

        // when
        Invoice invoice = rate(customer(USD, false), Optional.of(new TaxRate("XX", d("0.10"), "Tax")), s);

        // then
        // subtotal 0.05 + 0.05 = 0.10 ; tax 0.10 x 0.10 = 0.010 -> 0.01 (per line: 0.005 -> 0.01 twice = 0.02)
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("0.10");
        assertThat(invoice.tax().amount()).isEqualByComparingTo("0.01");
        assertThat(invoice.total().amount()).isEqualByComparingTo("0.11");
    }

    @Test
    void taxExemptCustomer_paysNoTax() {
        // given
        SubscriptionUsage s = uses(subscription("2026-09-01", null), requestsPlan(null), usage("requests", "105"));

        // when
        Invoice invoice = rate(customer(USD, true), VAT_19, s);

        // then
        // 10.50 subtotal, exempt -> tax 0.00 ; total = amount due = 10.50
        assertThat(invoice.taxExempt()).isTrue();
        assertThat(invoice.taxRate()).isEqualByComparingTo("0");
        assertThat(invoice.tax().amount()).isEqualByComparingTo("0.00");
        assertThat(invoice.total().amount()).isEqualByComparingTo("10.50");
        assertThat(invoice.amountDue().amount()).isEqualByComparingTo("10.50");
    }

    @Test
    void countryWithoutTaxRate_paysNoTax() {
        // given
        SubscriptionUsage s = uses(subscription("2026-09-01", null), requestsPlan(null), usage("requests", "105"));

        // when
        Invoice invoice = rate(customer(USD, false), Optional.empty(), s);

        // then
        assertThat(invoice.tax().amount()).isEqualByComparingTo("0.00");
        assertThat(invoice.total().amount()).isEqualByComparingTo("10.50");
    }

    @Test
    void yenInvoice_roundsEveryAmountToWholeYen() {
        // given
        Plan plan = plan("jp", JPY, BillingInterval.MONTHLY, new RecurringFee(d("10000"), FeeTiming.IN_ARREARS), null,
                perUnit("input_tokens", "0.00035"));
        SubscriptionUsage s = uses(subscription("2026-09-01", null), plan, usage("input_tokens", "1250000"));

        // when
        Invoice invoice = rate(customer(JPY, false), Optional.of(new TaxRate("JP", d("0.10"), "Consumption tax")), s);

        // then
        // fee 10000 ; usage 1,250,000 x 0.00035 = 437.5 -> 438 ; subtotal 10438
        // tax 10438 x 0.10 = 1043.8 -> 1044 ; total 11482
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("10438");
        assertThat(invoice.tax().amount()).isEqualByComparingTo("1044");
        assertThat(invoice.total().amount()).isEqualByComparingTo("11482");
        assertThat(invoice.total().amount().scale()).isZero();
    }

    // minimum commitment

    @Test
    void minimumCommitment_usageBelow_addsATrueUpToTheCommitment() {
        // given
        SubscriptionUsage s = uses(subscription("2026-09-01", null), requestsPlan("50.00"), usage("requests", "105"));

        // when
        Invoice invoice = rate(customer(USD, true), Optional.empty(), s);

        // then
        // usage 105 x 0.10 = 10.50 ; commitment 50.00 x 31/31 = 50.00 ; true-up 50.00 - 10.50 = 39.50
        assertThat(invoice.lines()).extracting(InvoiceLine::kind).containsExactly(LineKind.USAGE, LineKind.TRUE_UP);
        assertThat(invoice.lines().get(1).amount().amount()).isEqualByComparingTo("39.50");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("50.00");
    }

    @Test
    void minimumCommitment_subscriptionStartingMidMonth_isProratedByActiveDays() {
        // given
        SubscriptionUsage s = uses(subscription("2026-10-12", null), requestsPlan("50.00"), usage("requests", "105"));

        // when
        Invoice invoice = rate(customer(USD, true), Optional.empty(), s);

        // then
        // commitment 50.00 x 20 / 31 = 32.258... -> 32.26 ; usage 10.50 ; true-up 32.26 - 10.50 = 21.76
        InvoiceLine trueUp = invoice.lines().get(1);
        assertThat(trueUp.kind()).isEqualTo(LineKind.TRUE_UP);
        assertThat(trueUp.amount().amount()).isEqualByComparingTo("21.76");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("32.26");
    }

    @Test
    void minimumCommitment_usageAbove_addsNoTrueUp() {
        // given
        SubscriptionUsage s = uses(subscription("2026-09-01", null), requestsPlan("50.00"), usage("requests", "600"));

        // when
        Invoice invoice = rate(customer(USD, true), Optional.empty(), s);

        // then
        // usage 600 x 0.10 = 60.00 >= 50.00 -> no true-up
        assertThat(invoice.lines()).extracting(InvoiceLine::kind).containsExactly(LineKind.USAGE);
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("60.00");
    }

    @Test
    void minimumCommitment_usageExactlyAtIt_addsNoTrueUp() {
        // given
        SubscriptionUsage s = uses(subscription("2026-09-01", null), requestsPlan("50.00"), usage("requests", "500"));

        // when
        Invoice invoice = rate(customer(USD, true), Optional.empty(), s);

        // then
        // usage 500 x 0.10 = 50.00 = commitment -> no true-up line
        assertThat(invoice.lines()).extracting(InvoiceLine::kind).containsExactly(LineKind.USAGE);
    }

    @Test
    void minimumCommitment_noUsage_trueUpIsTheWholeCommitment() {
        // given
        SubscriptionUsage s = uses(subscription("2026-09-01", null), requestsPlan("50.00"));

        // when
        Invoice invoice = rate(customer(USD, true), Optional.empty(), s);

        // then
        // no usage line ; true-up 50.00 - 0.00 = 50.00
        assertThat(invoice.lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.TRUE_UP);
            assertThat(line.amount().amount()).isEqualByComparingTo("50.00");
        });
    }

    // periods, currencies, order

    @Test
    void dailyPlan_onADailyPeriod_billsOneDayOfFee() {
        // given
        Plan daily = plan("daily", USD, BillingInterval.DAILY, new RecurringFee(d("5.00"), FeeTiming.IN_ARREARS), null,
                perUnit("requests", "0.10"));
        SubscriptionUsage s = uses(subscription("2026-10-01", null), daily, usage("requests", "7"));

        // when
        Invoice invoice = engine.rate(customer(USD, true), period("2026-10-21"), List.of(s), Optional.empty());

        // then
        // fee 5.00 x 1 / 1 day = 5.00 ; usage 7 x 0.10 = 0.70 ; subtotal 5.70
        assertThat(invoice.lines()).extracting(l -> l.amount().amount()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("5.00"), d("0.70"));
        assertThat(invoice.lines().get(0).description()).contains("2026-10-21");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("5.70");
    }

    @Test
    void planInAnotherCurrencyThanTheCustomer_isRefused() {
        // given
        SubscriptionUsage s = uses(subscription("2026-09-01", null), feePlan("pro", "100.00"));

        // when / then
        assertThatThrownBy(() -> rate(customer(EUR, false), VAT_19, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR").hasMessageContaining("USD");
    }

    @Test
    void lines_areOrderedBySubscriptionStart() {
        // given: a plan change on 2026-10-12, handed over newest first
        SubscriptionUsage newer = uses(subscription("new", "2026-10-12", null, 1), feePlan("pro", "200.00"));
        SubscriptionUsage older = uses(subscription("old", "2026-09-01", "2026-10-12", 1), feePlan("basic", "100.00"));

        // when
        Invoice invoice = rate(customer(USD, true), Optional.empty(), newer, older);

        // then
        // old: 100.00 x 11 / 31 = 35.483... -> 35.48 ; new: 200.00 x 20 / 31 = 129.032... -> 129.03 ; 164.51
        assertThat(invoice.lines()).extracting(InvoiceLine::subscriptionId).containsExactly("old", "new");
        assertThat(invoice.lines()).extracting(l -> l.amount().amount()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("35.48"), d("129.03"));
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("164.51");
    }

    @Test
    void subscriptionLines_areFeeThenUsageThenTrueUp() {
        // given
        Plan plan = plan("all", USD, BillingInterval.MONTHLY, new RecurringFee(d("20.00"), FeeTiming.IN_ARREARS), "50.00",
                perUnit("requests", "0.10"));
        SubscriptionUsage s = uses(subscription("2026-09-01", null), plan, usage("requests", "105"));

        // when
        Invoice invoice = rate(customer(USD, false), VAT_19, s);

        // then
        // fee 20.00 ; usage 10.50 ; true-up 50.00 - 10.50 = 39.50 (the commitment is on usage, not the fee)
        // subtotal 20.00 + 10.50 + 39.50 = 70.00 ; tax 70.00 x 0.19 = 13.30 ; total 83.30
        assertThat(invoice.lines()).extracting(InvoiceLine::kind)
                .containsExactly(LineKind.RECURRING, LineKind.USAGE, LineKind.TRUE_UP);
        assertThat(invoice.lines().get(2).amount().amount()).isEqualByComparingTo("39.50");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("70.00");
        assertThat(invoice.tax().amount()).isEqualByComparingTo("13.30");
        assertThat(invoice.total().amount()).isEqualByComparingTo("83.30");
    }
}
