package dev.tokenbill.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.discount.SubscriptionCoupon;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.Adjustments;
import dev.tokenbill.rating.RatingEngine;
import dev.tokenbill.usage.UsageTotal;
import dev.tokenbill.rating.SubscriptionUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Worked examples on minimums, coupons and flat fees from published billing documentation, reproduced to the cent
 * through the real {@link CatalogLoader} (src/test/resources/catalog/published-billing-examples.yaml) and the real
 * {@link RatingEngine}; the sibling of {@link PublishedExamplesTest} for the rules of issue 19. Each test names its
 * source (figures only) and works the amounts by hand. No tax: the subtotal is the charges.
 */
class PublishedBillingExamplesTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final String SUB = "sub-1";

    private static Catalog catalog;

    @BeforeAll
    static void loadCatalog() throws IOException {
        try (InputStream in = PublishedBillingExamplesTest.class.getResourceAsStream("/catalog/published-billing-examples.yaml");
                Reader reader = new InputStreamReader(Objects.requireNonNull(in, "test catalog"), UTF_8)) {
            catalog = CatalogLoader.load("published-billing-examples.yaml", reader);
        }
    }

    // ------------------------------------------------------------------ minimums

    /**
     * Lago Docs, "Spending minimums" (getlago.com/docs/guide/plans/charges/spending-minimum): $0.010 per tracked
     * user, a $100 spending minimum; usage worth $50 gets a $50 true-up fee on its own line. 5,000 users x 0.010
     * = 50.00; true-up 100.00 - 50.00 = 50.00. 12,000 users = 120.00: above the minimum, no true-up.
     */
    @ParameterizedTest(name = "{0} users -> usage {1}, true-up {2}")
    @CsvSource({"5000, 50.00, 50.00", "12000, 120.00, ''"})
    void testLagoChargeSpendingMinimum(String users, String usage, String trueUp) {
        Invoice invoice = rate("lago-mtu-minimum", "2026-10", LocalDate.parse("2026-01-01"), usage("tracked_users", users));

        assertThat(amounts(invoice, LineKind.USAGE)).containsExactly(usage);
        assertThat(amounts(invoice, LineKind.TRUE_UP)).containsExactlyElementsOf(trueUp.isEmpty() ? List.of() : List.of(trueUp));
    }

    /**
     * Same page: "Spending minimums and true-up fees are always prorated based on the number of days used". A
     * subscription from 2026-11-16 is active 15 of November's 30 days: 100.00 x 15/30 = 50.00 committed; 2,000
     * users = 20.00; true-up 30.00.
     */
    @Test
    void testLagoChargeSpendingMinimum_ProratedByDays() {
        Invoice invoice = rate("lago-mtu-minimum", "2026-11", LocalDate.parse("2026-11-16"), usage("tracked_users", "2000"));

        assertThat(amounts(invoice, LineKind.TRUE_UP)).containsExactly("30.00");
        assertThat(invoice.lines()).filteredOn(l -> l.kind() == LineKind.TRUE_UP).extracting(InvoiceLine::description)
                .containsExactly("Minimum for all models, tracked users true-up (USD 50.00 committed, USD 20.00 used)");
    }

    /**
     * lago-api PR #1787, "feat(min-spending): Add scenario specs" (github.com/getlago/lago-api/pull/1787): a monthly
     * plan with a $50 subscription fee, $10 per unit and a $100 minimum; 3 units: $50 + 3 x $10 = $80, plus a $20
     * true-up = $100. Lago's plan commitment counts the subscription fee (getlago.com/docs/guide/plans/commitment):
     * our {@code minimum_commitment_covers: fee_and_usage}.
     */
    @Test
    void testLagoMinimumSpend_FeeCountsTowardTheMinimum() {
        Invoice invoice = rate("lago-minimum-spend", "2026-10", LocalDate.parse("2026-01-01"), usage("units", "3"));

        assertThat(amounts(invoice, LineKind.RECURRING)).containsExactly("50.00");
        assertThat(amounts(invoice, LineKind.USAGE)).containsExactly("30.00");
        assertThat(amounts(invoice, LineKind.TRUE_UP)).containsExactly("20.00");
        assertThat(invoice.subtotal()).isEqualTo(usd("100.00"));
    }

    /**
     * Lago Docs, "Negotiated contract billing" (getlago.com/docs/guide/lago-cloud/contract-billing): a $1,000
     * monthly minimum for metered usage; $800 of usage gets a $200 true-up, $1,300 of usage none (at $1 a unit).
     */
    @ParameterizedTest(name = "{0} units -> true-up {1}, subtotal {2}")
    @CsvSource({"800, 200.00, 1000.00", "1300, '', 1300.00"})
    void testLagoContractMinimumOnUsage(String units, String trueUp, String subtotal) {
        Invoice invoice = rate("lago-contract-minimum", "2026-10", LocalDate.parse("2026-01-01"), usage("units", units));

        assertThat(amounts(invoice, LineKind.TRUE_UP)).containsExactlyElementsOf(trueUp.isEmpty() ? List.of() : List.of(trueUp));
        assertThat(invoice.subtotal()).isEqualTo(usd(subtotal));
    }

    // ------------------------------------------------------------------ flat fee at zero usage

    /**
     * Kong Docs, Metering &amp; Billing "Pricing models" (developer.konghq.com/metering-and-billing/pricing-models/):
     * a flat fee in the first tier is billed regardless of usage, $500 at quantity 0; OpenMeter PR #2119 and
     * lago-api PR #5760 made the same change. Our default bills nothing at zero usage
     * ({@code PublishedExamplesTest#testFlatFeeAtZeroUsage_OurRuleChargesNothing}); with
     * {@code flat_fee_at_zero_usage: true} we reproduce Kong: 500.00 with no usage, and 500.00 (not 1,000.00)
     * for 1,000 calls, which fill the first tier: 1,000 x 0 + 500.
     */
    @ParameterizedTest(name = "{0} calls -> {1}")
    @CsvSource({"0, 500.00", "1000, 500.00", "1001, 500.10"})
    void testKongFlatFeeInFirstTier_WithFlatFeeAtZeroUsage(String calls, String expected) {
        UsageTotal[] usage = calls.equals("0") ? new UsageTotal[0] : new UsageTotal[] {usage("api_calls", calls)};
        Invoice invoice = rate("kong-flat-fee-always", "2026-10", LocalDate.parse("2026-01-01"), usage);

        assertThat(invoice.subtotal()).isEqualTo(usd(expected));
    }

    // ------------------------------------------------------------------ coupons

    /**
     * Stripe API, "The Coupon object" (docs.stripe.com/api/coupons/object): percent_off 25.5, duration repeating,
     * duration_in_months 3: three months of service at 25.5 % off. On a $100 in-advance fee from 2026-10-01:
     * October's invoice bills October (period 1) and November (period 2): 25.50 + 25.50; November's bills December
     * (period 3): 25.50; December's bills January (period 4): nothing. 3 x 25.50 = 76.50, three periods' worth.
     */
    @Test
    void testStripeRepeatingCoupon_InAdvance_CountsServicePeriods() {
        assertThat(discounts("fee-100-advance", "STRIPE-25-5", "2026-10", 1)).containsExactly("-25.50", "-25.50");
        assertThat(discounts("fee-100-advance", "STRIPE-25-5", "2026-11", 2)).containsExactly("-25.50");
        assertThat(discounts("fee-100-advance", "STRIPE-25-5", "2026-12", 3)).isEmpty();
    }

    /**
     * Stripe API, "Create a coupon" (docs.stripe.com/api/coupons/create): with amount_off 200, "an invoice with a
     * subtotal of 100 will have a final total of 0" and one "with a subtotal of 300 will have a final total of 100".
     */
    @ParameterizedTest(name = "subtotal {1} -> discount {2}")
    @CsvSource({"fee-100-arrears, 100.00, -100.00, 0.00", "fee-300-arrears, 300.00, -200.00, 100.00"})
    void testStripeAmountOff_IsCappedAtTheSubtotal(String plan, String subtotal, String discount, String total) {
        Invoice invoice = rateWithCoupon(plan, "STRIPE-200", "2026-10", 1);

        assertThat(invoice.subtotal()).isEqualTo(usd(subtotal));
        assertThat(amounts(invoice, LineKind.DISCOUNT)).containsExactly(discount);
        assertThat(invoice.total()).isEqualTo(usd(total));
    }

    /**
     * Pelcro, "Coupon object attributes" (docs.pelcro.com/reference/coupon-object-attributes): "a coupon with
     * percent_off of 50 will make a $100 invoice $50 instead"; once: the next month is full price.
     */
    @Test
    void testPelcroPercentOff() {
        assertThat(rateWithCoupon("fee-100-arrears", "PELCRO-50", "2026-10", 1).total()).isEqualTo(usd("50.00"));
        assertThat(rateWithCoupon("fee-100-arrears", "PELCRO-50", "2026-11", 2).total()).isEqualTo(usd("100.00"));
    }

    // ------------------------------------------------------------------ helpers

    private static Invoice rate(String planId, String period, LocalDate start, UsageTotal... usage) {
        Plan plan = catalog.plan(planId).orElseThrow();
        Subscription subscription = new Subscription(SUB, "cust-1", planId, start, null, 1, null);
        return new RatingEngine().rate(customer(plan), BillingPeriod.parse(period),
                List.of(new SubscriptionUsage(subscription, plan, Arrays.asList(usage))), Optional.empty());
    }

    /** Subscribed from 2026-10-01, so {@code periodNumber} is the month's number from October. */
    private static Invoice rateWithCoupon(String planId, String code, String period, long periodNumber) {
        Plan plan = catalog.plan(planId).orElseThrow();
        Subscription subscription = new Subscription(SUB, "cust-1", planId, LocalDate.parse("2026-10-01"), null, 1, code);
        Adjustments adjustments = new Adjustments(List.of(new SubscriptionCoupon(SUB, catalog.coupon(code).orElseThrow(),
                periodNumber)), Optional.empty(), List.of(), null);
        return new RatingEngine().rate(customer(plan), BillingPeriod.parse(period),
                List.of(new SubscriptionUsage(subscription, plan, List.of())), Optional.empty(), adjustments);
    }

    private static List<String> discounts(String planId, String code, String period, long periodNumber) {
        return amounts(rateWithCoupon(planId, code, period, periodNumber), LineKind.DISCOUNT);
    }

    private static Customer customer(Plan plan) {
        return new Customer("cust-1", "Example Customer", "ap@example.com", "1 Example Street", "US", plan.currency(), false);
    }

    private static UsageTotal usage(String meter, String quantity) {
        return new UsageTotal(SUB, "any", meter, dev.tokenbill.catalog.PriceCondition.STANDARD, new BigDecimal(quantity));
    }

    private static List<String> amounts(Invoice invoice, LineKind kind) {
        return invoice.lines().stream().filter(l -> l.kind() == kind).map(l -> l.amount().amount().toPlainString()).toList();
    }

    private static Money usd(String amount) {
        return Money.of(amount, USD);
    }
}
