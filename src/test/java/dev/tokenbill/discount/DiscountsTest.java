package dev.tokenbill.discount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.Coupon;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.catalog.PricingModel;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.catalog.VolumeDiscount;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.FeeLine;
import dev.tokenbill.invoice.UsageLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.Adjustments;
import dev.tokenbill.rating.RatingEngine;
import dev.tokenbill.rating.SubscriptionUsage;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Coupons, volume discounts and the tax on what is left, through {@link RatingEngine} with
 * {@link Adjustments} (and {@link Discounts#apply} directly where only the discount lines matter).
 *
 * <p>Unless a test says otherwise the invoice is one October 2026 subscription of a German customer
 * (VAT 19 %) to plan "pro" (USD): fee 100.00 in arrears, input_tokens at 0.000002, output_tokens at
 * 0.00001, with 10,000,000 input and 3,000,000 output tokens:
 * <pre>
 * recurring 100.00; input 10,000,000 x 0.000002 = 20.00; output 3,000,000 x 0.00001 = 30.00
 * subtotal 150.00 (recurring 100.00, usage 50.00)
 * </pre>
 * Each discount is rounded once HALF_UP; tax = (subtotal - discounts) x 0.19, rounded once HALF_UP.
 */
class DiscountsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");
    private static final Optional<TaxRate> VAT_19 = Optional.of(new TaxRate("DE", new BigDecimal("0.19"), "VAT"));
    private static final String SUB = "sub-1";

    private static final Plan PRO = new Plan("pro", "Pro", USD, BillingInterval.MONTHLY, BigDecimal.ONE,
            new RecurringFee(new BigDecimal("100.00"), FeeTiming.IN_ARREARS), null,
            List.of(perUnit("input_tokens", "0.000002"), perUnit("output_tokens", "0.00001")),
            Map.<String, ModelConditions>of());

    private final RatingEngine engine = new RatingEngine();

    // coupon targets

    @Test
    void percentCoupon_OnAllCharges_TakesItsShareOfTheSubtotal() {
        // given 20 % of all charges: 150.00 x 0.20 = 30.00
        Coupon coupon = percent("ALL20", "20", Coupon.Duration.FOREVER, 0, Coupon.Target.ALL);

        // when
        Invoice invoice = rateOctober(coupon, 1);

        // then taxable 150.00 - 30.00 = 120.00; VAT 120.00 x 0.19 = 22.80; total 142.80
        assertTotals(invoice, "150.00", "30.00", "22.80", "142.80");
        assertThat(discountAmounts(invoice)).containsExactly("-30.00");
    }

    @Test
    void percentCoupon_OnRecurringOnly_LeavesUsageAlone() {
        // given 20 % of the recurring fee: 100.00 x 0.20 = 20.00
        Coupon coupon = percent("FEE20", "20", Coupon.Duration.FOREVER, 0, target(Coupon.TargetKind.RECURRING));

        // when
        Invoice invoice = rateOctober(coupon, 1);

        // then taxable 130.00; VAT 130.00 x 0.19 = 24.70; total 154.70
        assertTotals(invoice, "150.00", "20.00", "24.70", "154.70");
    }

    @Test
    void percentCoupon_OnUsageOnly_LeavesTheFeeAlone() {
        // given 20 % of the usage lines: (20.00 + 30.00) x 0.20 = 10.00
        Coupon coupon = percent("USE20", "20", Coupon.Duration.FOREVER, 0, target(Coupon.TargetKind.USAGE));

        // when
        Invoice invoice = rateOctober(coupon, 1);

        // then taxable 140.00; VAT 140.00 x 0.19 = 26.60; total 166.60
        assertTotals(invoice, "150.00", "10.00", "26.60", "166.60");
    }

    @Test
    void percentCoupon_OnOneMeter_TakesItsShareOfThatMeterOnly() {
        // given 20 % of output_tokens only (applies_to: ["meter:output_tokens"]): 30.00 x 0.20 = 6.00
        Coupon coupon = percent("OUT20", "20", Coupon.Duration.FOREVER, 0,
                new Coupon.Target(Coupon.TargetKind.METER, "output_tokens"));

        // when
        Invoice invoice = rateOctober(coupon, 1);

        // then taxable 144.00; VAT 144.00 x 0.19 = 27.36; total 171.36
        assertTotals(invoice, "150.00", "6.00", "27.36", "171.36");
    }

    @Test
    void usageCoupon_IncludesTheTrueUp_ButAMeterCouponDoesNot() {
        // given plan "team": no fee, commitment 10.00, input at 0.000002; 1,000,000 input tokens
        // usage 1,000,000 x 0.000002 = 2.00; true-up 10.00 - 2.00 = 8.00; subtotal 10.00
        Plan team = new Plan("team", "Team", USD, BillingInterval.MONTHLY, BigDecimal.ONE, null, new BigDecimal("10.00"),
                List.of(perUnit("input_tokens", "0.000002")), Map.<String, ModelConditions>of());
        List<SubscriptionUsage> usage = List.of(new SubscriptionUsage(subscription("2026-01-01"), team,
                List.of(usage("input_tokens", "1000000"))));
        Coupon onUsage = percent("HALF", "50", Coupon.Duration.FOREVER, 0, target(Coupon.TargetKind.USAGE));
        Coupon onMeter = percent("HALFIN", "50", Coupon.Duration.FOREVER, 0,
                new Coupon.Target(Coupon.TargetKind.METER, "input_tokens"));

        // when
        Invoice usageInvoice = engine.rate(customer(false), OCTOBER, usage, VAT_19, coupons(onUsage, 1));
        Invoice meterInvoice = engine.rate(customer(false), OCTOBER, usage, VAT_19, coupons(onMeter, 1));

        // then usage coupon: (2.00 + 8.00) x 0.50 = 5.00; meter coupon: 2.00 x 0.50 = 1.00
        // VAT (10.00 - 5.00) x 0.19 = 0.95; (10.00 - 1.00) x 0.19 = 1.71
        assertTotals(usageInvoice, "10.00", "5.00", "0.95", "5.95");
        assertTotals(meterInvoice, "10.00", "1.00", "1.71", "10.71");
    }

    @Test
    void percentCoupon_IsRoundedOnceHalfUp() {
        // given 5 % of a 2.50 usage line (output 250,000 x 0.00001): 0.125 -> 0.13 (HALF_EVEN would give 0.12)
        Coupon coupon = percent("FIVE", "5", Coupon.Duration.FOREVER, 0, target(Coupon.TargetKind.USAGE));
        List<InvoiceLine> charges = List.of(line(LineKind.USAGE, "output_tokens", "2.50"));

        // when
        List<InvoiceLine> discounts = Discounts.apply(charges, List.of(new SubscriptionCoupon(SUB, coupon, 1)),
                Optional.empty(), USD);

        // then
        assertThat(discounts).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(LineKind.DISCOUNT);
            assertThat(l.amount().amount()).isEqualByComparingTo("-0.13");
            assertThat(l.subscriptionId()).isEqualTo(SUB);
        });
    }

    @Test
    void fixedCoupon_TakesItsAmount() {
        // given 25.00 off all charges
        Coupon coupon = fixed("TAKE25", "25.00", Coupon.Duration.ONCE, 0, Coupon.Target.ALL);

        // when
        Invoice invoice = rateOctober(coupon, 1);

        // then taxable 150.00 - 25.00 = 125.00; VAT 125.00 x 0.19 = 23.75; total 148.75
        assertTotals(invoice, "150.00", "25.00", "23.75", "148.75");
    }

    @Test
    void fixedCoupon_LargerThanTheSubtotal_IsCappedSoTheInvoiceIsZeroNotNegative() {
        // given 500.00 off an invoice of 150.00
        Coupon coupon = fixed("BIG500", "500.00", Coupon.Duration.ONCE, 0, Coupon.Target.ALL);

        // when
        Invoice invoice = rateOctober(coupon, 1);

        // then the discount is capped at 150.00: taxable 0.00, VAT 0.00, total 0.00, nothing due
        assertTotals(invoice, "150.00", "150.00", "0.00", "0.00");
        assertThat(invoice.amountDue().amount()).isEqualByComparingTo("0.00");
        assertThat(discountAmounts(invoice)).containsExactly("-150.00");
    }

    @Test
    void fixedCoupon_OnUsage_IsCappedAtTheUsageCharges() {
        // given 80.00 off usage, whose lines add up to only 20.00 + 30.00 = 50.00
        Coupon coupon = fixed("USE80", "80.00", Coupon.Duration.ONCE, 0, target(Coupon.TargetKind.USAGE));

        // when
        Invoice invoice = rateOctober(coupon, 1);

        // then the discount is 50.00, the fee is untouched: taxable 100.00, VAT 19.00, total 119.00
        assertTotals(invoice, "150.00", "50.00", "19.00", "119.00");
    }

    @Test
    void couponOnAMeterWithoutUsage_AddsNoLine() {
        // given 10.00 off cached input tokens, which the customer did not use
        Coupon coupon = fixed("CACHE10", "10.00", Coupon.Duration.FOREVER, 0,
                new Coupon.Target(Coupon.TargetKind.METER, "cached_input_tokens"));

        // when
        Invoice invoice = rateOctober(coupon, 1);

        // then VAT 150.00 x 0.19 = 28.50
        assertTotals(invoice, "150.00", "0.00", "28.50", "178.50");
        assertThat(discountAmounts(invoice)).isEmpty();
    }

    // duration, counted in periods from the subscription's start

    @Test
    void onceCoupon_AppliesInPeriodOneOnly() {
        // given 20 % of all charges, once
        Coupon coupon = percent("ONCE20", "20", Coupon.Duration.ONCE, 0, Coupon.Target.ALL);

        // when
        Invoice first = rateOctober(coupon, 1);
        Invoice second = rateOctober(coupon, 2);

        // then period 1: 30.00 off; period 2: nothing off, VAT 150.00 x 0.19 = 28.50
        assertTotals(first, "150.00", "30.00", "22.80", "142.80");
        assertTotals(second, "150.00", "0.00", "28.50", "178.50");
    }

    @Test
    void repeatingCoupon_AppliesInItsFirstNPeriodsAndNotInTheNextOne() {
        // given 20 % of all charges for 3 periods
        Coupon coupon = percent("THREE20", "20", Coupon.Duration.REPEATING, 3, Coupon.Target.ALL);

        // when
        Invoice first = rateOctober(coupon, 1);
        Invoice third = rateOctober(coupon, 3);
        Invoice fourth = rateOctober(coupon, 4);

        // then periods 1 and 3: 30.00 off; period 4 (the N+1th): nothing
        assertThat(first.discounts().amount()).isEqualByComparingTo("30.00");
        assertThat(third.discounts().amount()).isEqualByComparingTo("30.00");
        assertTotals(fourth, "150.00", "0.00", "28.50", "178.50");
        assertThat(coupon.activeInPeriod(3)).isTrue();
        assertThat(coupon.activeInPeriod(4)).isFalse();
    }

    @Test
    void foreverCoupon_StillAppliesInPeriod25() {
        // given 20 % of all charges, forever
        Coupon coupon = percent("ALWAYS20", "20", Coupon.Duration.FOREVER, 0, Coupon.Target.ALL);

        // when
        Invoice invoice = rateOctober(coupon, 25);

        // then
        assertTotals(invoice, "150.00", "30.00", "22.80", "142.80");
        assertThat(invoice.lines()).filteredOn(l -> l.kind() == LineKind.DISCOUNT).singleElement()
                .satisfies(l -> assertThat(l.description()).contains("ALWAYS20", "period 25"));
    }

    // stacking order: percent coupons, then fixed coupons, then the volume discount on what remains

    @Test
    void stacking_VolumeDiscountIsComputedOnTheSpendLeftAfterCoupons() {
        // given a 1,000.00 fee with a 10 % coupon and a 100.00 coupon, and volume tiers 2 % from 500.00, 5 % from 850.00
        Plan big = new Plan("big", "Big", USD, BillingInterval.MONTHLY, BigDecimal.ONE,
                new RecurringFee(new BigDecimal("1000.00"), FeeTiming.IN_ARREARS), null, List.of(),
                Map.<String, ModelConditions>of());
        List<SubscriptionUsage> usage = List.of(new SubscriptionUsage(subscription("2026-01-01"), big, List.of()));
        Adjustments adjustments = new Adjustments(List.of(
                new SubscriptionCoupon(SUB, fixed("A-100", "100.00", Coupon.Duration.FOREVER, 0, Coupon.Target.ALL), 1),
                new SubscriptionCoupon(SUB, percent("Z-10", "10", Coupon.Duration.FOREVER, 0, Coupon.Target.ALL), 1)),
                Optional.of(volume(USD, "500.00", "2", "850.00", "5")), List.of(), null);

        // when
        Invoice invoice = engine.rate(customer(false), OCTOBER, usage, VAT_19, adjustments);

        // then percent first: 1,000.00 x 10 % = 100.00; then fixed 100.00; spend left 800.00 reaches the
        // 500.00 tier only: 800.00 x 2 % = 16.00. Discounts 216.00; VAT (1,000.00 - 216.00) x 0.19 = 148.96.
        // (Volume first would have taken 1,000.00 x 5 % = 50.00 and discounts would be 250.00.)
        assertThat(discountAmounts(invoice)).containsExactly("-100.00", "-100.00", "-16.00");
        assertThat(invoice.lines()).filteredOn(l -> l.kind() == LineKind.DISCOUNT)
                .extracting(InvoiceLine::description)
                .satisfiesExactly(d -> assertThat(d).startsWith("Coupon Z-10"), d -> assertThat(d).startsWith("Coupon A-100"),
                        d -> assertThat(d).startsWith("Volume discount: 2%"));
        assertTotals(invoice, "1000.00", "216.00", "148.96", "932.96");
    }

    @Test
    void stacking_PercentBeforeFixed_DecidesWhichCouponTheCapCuts() {
        // given 100.00 of charges, a 50 % coupon (code Z-50) and an 80.00 coupon (code A-80): code order alone
        // would take the 80.00 first and leave the percent coupon 20.00
        List<InvoiceLine> charges = List.of(line(LineKind.RECURRING, null, "100.00"));
        List<SubscriptionCoupon> coupons = List.of(
                new SubscriptionCoupon(SUB, fixed("A-80", "80.00", Coupon.Duration.FOREVER, 0, Coupon.Target.ALL), 1),
                new SubscriptionCoupon(SUB, percent("Z-50", "50", Coupon.Duration.FOREVER, 0, Coupon.Target.ALL), 1));

        // when
        List<InvoiceLine> discounts = Discounts.apply(charges, coupons, Optional.empty(), USD);

        // then percent first: 100.00 x 50 % = 50.00; the fixed coupon is capped at the 50.00 left
        assertThat(discounts).extracting(l -> l.description().substring(0, l.description().indexOf(':')) + " "
                + l.amount().amount().toPlainString())
                .containsExactly("Coupon Z-50 -50.00", "Coupon A-80 -50.00");
    }

    // volume discounts

    @Test
    void volumeDiscount_BelowTheFirstThreshold_GivesNothing() {
        // given spend 99.99 and tiers 1 % from 100.00, 3 % from 1,000.00, 5 % from 5,000.00
        // when
        List<InvoiceLine> discounts = volumeOn("99.99", USD, volume(USD, "100.00", "1", "1000.00", "3", "5000.00", "5"));

        // then
        assertThat(discounts).isEmpty();
    }

    @Test
    void volumeDiscount_ExactlyAtTheThreshold_Applies() {
        // given spend 100.00: 100.00 x 1 % = 1.00
        // when
        List<InvoiceLine> discounts = volumeOn("100.00", USD, volume(USD, "100.00", "1", "1000.00", "3", "5000.00", "5"));

        // then
        assertThat(discounts).extracting(l -> l.amount().amount().toPlainString()).containsExactly("-1.00");
    }

    @Test
    void volumeDiscount_RoundsOnceHalfUp() {
        // given spend 1,234.56: 1,234.56 x 3 % = 37.0368 -> 37.04
        // when
        List<InvoiceLine> discounts = volumeOn("1234.56", USD, volume(USD, "100.00", "1", "1000.00", "3", "5000.00", "5"));

        // then
        assertThat(discounts).extracting(l -> l.amount().amount().toPlainString()).containsExactly("-37.04");
    }

    @Test
    void volumeDiscount_TheHighestTierReachedWins() {
        // given spend 6,000.00 reaches all three tiers: 6,000.00 x 5 % = 300.00 (not 1 % or 3 %)
        // when
        List<InvoiceLine> discounts = volumeOn("6000.00", USD, volume(USD, "100.00", "1", "1000.00", "3", "5000.00", "5"));

        // then
        assertThat(discounts).singleElement().satisfies(l -> {
            assertThat(l.amount().amount()).isEqualByComparingTo("-300.00");
            assertThat(l.description()).contains("5%");
        });
    }

    @Test
    void volumeDiscount_OfAnotherCurrency_GivesNothing() {
        // given an EUR volume discount and a USD invoice of 6,000.00
        // when
        List<InvoiceLine> discounts = volumeOn("6000.00", USD, volume(EUR, "100.00", "1"));

        // then
        assertThat(discounts).isEmpty();
    }

    // tax on what is left

    @Test
    void tax_IsComputedOnceOnSubtotalMinusDiscounts() {
        // given 33 % off the usage: (20.00 + 30.00) x 0.33 = 16.50
        Coupon coupon = percent("USE33", "33", Coupon.Duration.FOREVER, 0, target(Coupon.TargetKind.USAGE));

        // when
        Invoice invoice = rateOctober(coupon, 1);

        // then taxable 150.00 - 16.50 = 133.50; VAT 133.50 x 0.19 = 25.365 -> 25.37 (HALF_UP); total 158.87
        // (taxing the subtotal would give 28.50)
        assertTotals(invoice, "150.00", "16.50", "25.37", "158.87");
    }

    @Test
    void taxExemptCustomer_PaysNoTaxOnTheDiscountedAmount() {
        // given 20 % of all charges and a tax-exempt customer
        Coupon coupon = percent("ALL20", "20", Coupon.Duration.FOREVER, 0, Coupon.Target.ALL);

        // when
        Invoice invoice = engine.rate(customer(true), OCTOBER, proUsage(), VAT_19, coupons(coupon, 1));

        // then
        assertTotals(invoice, "150.00", "30.00", "0.00", "120.00");
        assertThat(invoice.taxExempt()).isTrue();
    }

    // helpers

    private Invoice rateOctober(Coupon coupon, long periodNumber) {
        return engine.rate(customer(false), OCTOBER, proUsage(), VAT_19, coupons(coupon, periodNumber));
    }

    private static List<SubscriptionUsage> proUsage() {
        return List.of(new SubscriptionUsage(subscription("2026-01-01"), PRO,
                List.of(usage("input_tokens", "10000000"), usage("output_tokens", "3000000"))));
    }

    private static Adjustments coupons(Coupon coupon, long periodNumber) {
        return new Adjustments(List.of(new SubscriptionCoupon(SUB, coupon, periodNumber)), Optional.empty(), List.of(),
                null);
    }

    private static List<InvoiceLine> volumeOn(String spend, Currency currency, VolumeDiscount volume) {
        return Discounts.apply(List.of(line(LineKind.RECURRING, null, spend)), List.of(), Optional.of(volume), currency);
    }

    private static void assertTotals(Invoice invoice, String subtotal, String discounts, String tax, String total) {
        assertThat(invoice.subtotal().amount()).as("subtotal").isEqualByComparingTo(subtotal);
        assertThat(invoice.discounts().amount()).as("discounts").isEqualByComparingTo(discounts);
        assertThat(invoice.tax().amount()).as("tax").isEqualByComparingTo(tax);
        assertThat(invoice.total().amount()).as("total").isEqualByComparingTo(total);
        assertThat(invoice.total().isNegative()).as("total never negative").isFalse();
        assertThat(invoice.subtotal().minus(invoice.discounts()).plus(invoice.tax())).as("total = subtotal - discounts + tax")
                .isEqualTo(invoice.total());
    }

    private static List<String> discountAmounts(Invoice invoice) {
        return invoice.lines().stream().filter(l -> l.kind() == LineKind.DISCOUNT)
                .map(l -> l.amount().amount().toPlainString()).toList();
    }

    private static Coupon percent(String code, String percent, Coupon.Duration duration, int periods, Coupon.Target target) {
        return new Coupon(code, Coupon.Kind.PERCENT, new BigDecimal(percent), null, null, duration, periods, List.of(target));
    }

    private static Coupon fixed(String code, String amount, Coupon.Duration duration, int periods, Coupon.Target target) {
        return new Coupon(code, Coupon.Kind.FIXED, null, new BigDecimal(amount), USD, duration, periods, List.of(target));
    }

    private static Coupon.Target target(Coupon.TargetKind kind) {
        return new Coupon.Target(kind, null);
    }

    /** Tiers as pairs of (from, percent). */
    private static VolumeDiscount volume(Currency currency, String... fromAndPercent) {
        List<VolumeDiscount.Tier> tiers = new java.util.ArrayList<>();
        for (int i = 0; i < fromAndPercent.length; i += 2) {
            tiers.add(new VolumeDiscount.Tier(new BigDecimal(fromAndPercent[i]), new BigDecimal(fromAndPercent[i + 1])));
        }
        return new VolumeDiscount(currency, tiers);
    }

    private static InvoiceLine line(LineKind kind, String meter, String amount) {
        String description = kind + " " + meter;
        return switch (kind) {
            case USAGE -> new UsageLine(description, SUB, "pro", meter, null, null, null, null, BigDecimal.ONE, null,
                    Money.of(amount, USD), List.of());
            case RECURRING -> new FeeLine(description, SUB, "pro", BigDecimal.ONE, null, Money.of(amount, USD), null);
            default -> throw new IllegalArgumentException("no test charge of kind " + kind);
        };
    }

    private static Charge perUnit(String meter, String unitPrice) {
        return new Charge(meter, null, PricingModel.PER_UNIT, new BigDecimal(unitPrice), null, null, null, null, null, null);
    }

    private static Customer customer(boolean taxExempt) {
        return new Customer("cust-1", "Acme", "billing@acme.test", "1 Main St", "DE", USD, taxExempt);
    }

    private static Subscription subscription(String start) {
        return new Subscription(SUB, "cust-1", "pro", LocalDate.parse(start), null, 1, null);
    }

    private static UsageTotal usage(String meter, String quantity) {
        return new UsageTotal(SUB, "gpt-x", meter, PriceCondition.STANDARD, new BigDecimal(quantity));
    }
}
