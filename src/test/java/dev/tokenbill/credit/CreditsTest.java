package dev.tokenbill.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.Adjustments;
import dev.tokenbill.rating.RatingEngine;
import dev.tokenbill.rating.SubscriptionUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Prepaid credit applied to an invoice total after tax, like a payment: grants by expiry (earliest
 * first, never-expiring last, ties by grant id), each up to what is still due; usable when
 * granted_on <= the period's last day <= expires_on. The period is October 2026 (last day 2026-10-31).
 */
class CreditsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate LAST_DAY = LocalDate.parse("2026-10-31");

    @Test
    void grants_AreUsedEarliestExpiryFirst() {
        // given two 10.00 grants; G-A expires later than G-B although its id sorts first; 15.00 due
        CreditGrant later = grant("G-A", "2026-01-01", "10.00", "2026-12-31");
        CreditGrant sooner = grant("G-B", "2026-01-01", "10.00", "2026-11-30");

        // when
        List<AppliedCredit> applied = Credits.apply(usd("15.00"), List.of(later, sooner), LAST_DAY);

        // then G-B 10.00 (0.00 left), then G-A 15.00 - 10.00 = 5.00 (5.00 left)
        assertThat(describe(applied)).containsExactly("G-B 10.00 left 0.00", "G-A 5.00 left 5.00");
    }

    @Test
    void neverExpiringGrant_IsUsedLast() {
        // given a never-expiring grant whose id sorts first and one expiring in 2027; 12.00 due
        CreditGrant lasting = grant("G-0", "2026-01-01", "10.00", null);
        CreditGrant expiring = grant("G-Z", "2026-01-01", "10.00", "2027-01-01");

        // when
        List<AppliedCredit> applied = Credits.apply(usd("12.00"), List.of(lasting, expiring), LAST_DAY);

        // then G-Z 10.00, then G-0 12.00 - 10.00 = 2.00 (8.00 left)
        assertThat(describe(applied)).containsExactly("G-Z 10.00 left 0.00", "G-0 2.00 left 8.00");
    }

    @Test
    void grantsExpiringOnTheSameDay_AreUsedInGrantIdOrder() {
        // given two grants expiring on the same day, listed in reverse id order; 15.00 due
        CreditGrant second = grant("G-2", "2026-01-01", "10.00", "2026-12-31");
        CreditGrant first = grant("G-1", "2026-01-01", "10.00", "2026-12-31");

        // when
        List<AppliedCredit> applied = Credits.apply(usd("15.00"), List.of(second, first), LAST_DAY);

        // then
        assertThat(describe(applied)).containsExactly("G-1 10.00 left 0.00", "G-2 5.00 left 5.00");
    }

    @Test
    void grantExpiringBeforeThePeriodsLastDay_IsNotApplied() {
        // given a grant that expires on 2026-10-30, one day before October's last day
        CreditGrant expired = grant("G-OLD", "2026-01-01", "50.00", "2026-10-30");

        // when
        List<AppliedCredit> applied = Credits.apply(usd("20.00"), List.of(expired), LAST_DAY);

        // then
        assertThat(applied).isEmpty();
    }

    @Test
    void grantExpiringOnThePeriodsLastDay_IsStillApplied() {
        // given expires_on is the last day it can be used: 2026-10-31 pays October
        CreditGrant lastDay = grant("G-EDGE", "2026-01-01", "50.00", "2026-10-31");

        // when
        List<AppliedCredit> applied = Credits.apply(usd("20.00"), List.of(lastDay), LAST_DAY);

        // then
        assertThat(describe(applied)).containsExactly("G-EDGE 20.00 left 30.00");
    }

    @Test
    void grantGrantedAfterThePeriod_IsNotApplied() {
        // given a grant of 2026-11-01 for the October invoice, and one granted on October's last day
        CreditGrant november = grant("G-NOV", "2026-11-01", "50.00", null);
        CreditGrant lastDay = grant("G-OCT", "2026-10-31", "5.00", null);

        // when
        List<AppliedCredit> applied = Credits.apply(usd("20.00"), List.of(november, lastDay), LAST_DAY);

        // then only the October grant pays: 5.00, and 15.00 stays due
        assertThat(describe(applied)).containsExactly("G-OCT 5.00 left 0.00");
    }

    @Test
    void creditLargerThanTheTotal_PaysItAllAndLeavesTheBalance() {
        // given 100.00 of credit and 32.28 due
        CreditGrant pack = grant("G-100", "2026-01-01", "100.00", null);

        // when
        List<AppliedCredit> applied = Credits.apply(usd("32.28"), List.of(pack), LAST_DAY);

        // then 100.00 - 32.28 = 67.72 left
        assertThat(describe(applied)).containsExactly("G-100 32.28 left 67.72");
    }

    @Test
    void twoGrants_SpanOneInvoice() {
        // given two 20.00 grants and 30.00 due
        CreditGrant first = grant("G-1", "2026-01-01", "20.00", "2026-12-31");
        CreditGrant second = grant("G-2", "2026-01-01", "20.00", "2027-12-31");

        // when
        List<AppliedCredit> applied = Credits.apply(usd("30.00"), List.of(first, second), LAST_DAY);

        // then 20.00 + 10.00 = 30.00; 0.00 and 10.00 left; nothing more is taken once the total is paid
        assertThat(describe(applied)).containsExactly("G-1 20.00 left 0.00", "G-2 10.00 left 10.00");
    }

    @Test
    void grantOfAnotherCurrency_IsIgnored() {
        // given an EUR grant for a USD invoice (tokenbill never converts)
        CreditGrant euros = new CreditGrant("G-EUR", "cust-1", LocalDate.parse("2026-01-01"), Money.of("50.00", EUR), null);
        CreditGrant dollars = grant("G-USD", "2026-01-01", "5.00", null);

        // when
        List<AppliedCredit> applied = Credits.apply(usd("20.00"), List.of(euros, dollars), LAST_DAY);

        // then
        assertThat(describe(applied)).containsExactly("G-USD 5.00 left 0.00");
    }

    @Test
    void usedUpGrantOrZeroTotal_AppliesNothing() {
        // given a grant with nothing left, and then a zero invoice
        CreditGrant empty = grant("G-EMPTY", "2026-01-01", "0.00", null);
        CreditGrant full = grant("G-FULL", "2026-01-01", "10.00", null);

        // when
        List<AppliedCredit> onEmpty = Credits.apply(usd("20.00"), List.of(empty), LAST_DAY);
        List<AppliedCredit> onZero = Credits.apply(usd("0.00"), List.of(full), LAST_DAY);

        // then
        assertThat(onEmpty).isEmpty();
        assertThat(onZero).isEmpty();
    }

    @Test
    void amountDue_IsTheTotalAfterTaxMinusTheCreditApplied() {
        // given a 100.00 fee, VAT 19 % and a 50.00 grant
        Plan plan = new Plan("pro", "Pro", USD, BillingInterval.MONTHLY, BigDecimal.ONE,
                new RecurringFee(new BigDecimal("100.00"), FeeTiming.IN_ARREARS), null, List.of(),
                Map.<String, ModelConditions>of());
        Subscription subscription = new Subscription("sub-1", "cust-1", "pro", LocalDate.parse("2026-01-01"), null, 1, null);
        Customer customer = new Customer("cust-1", "Acme", "a@acme.test", "1 Main St", "DE", USD, false);
        Adjustments adjustments = new Adjustments(List.of(), Optional.empty(),
                List.of(grant("G-50", "2026-01-01", "50.00", null)), null);

        // when
        Invoice invoice = new RatingEngine().rate(customer, BillingPeriod.parse("2026-10"),
                List.of(new SubscriptionUsage(subscription, plan, List.of())),
                Optional.of(new TaxRate("DE", new BigDecimal("0.19"), "VAT")), adjustments);

        // then the credit does not lower the tax: VAT 100.00 x 0.19 = 19.00; total 119.00;
        // amount due 119.00 - 50.00 = 69.00; one CREDIT line of -50.00 naming the grant
        assertThat(invoice.tax().amount()).isEqualByComparingTo("19.00");
        assertThat(invoice.total().amount()).isEqualByComparingTo("119.00");
        assertThat(invoice.credits().amount()).isEqualByComparingTo("50.00");
        assertThat(invoice.amountDue().amount()).isEqualByComparingTo("69.00");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("100.00");
        assertThat(invoice.lines()).filteredOn(l -> l.kind() == LineKind.CREDIT).singleElement().satisfies(l -> {
            assertThat(l.amount().amount()).isEqualByComparingTo("-50.00");
            assertThat(l.reference()).isEqualTo("G-50");
            assertThat(l.description()).contains("G-50", "0.00");
        });
        assertThat(invoice.lines().stream().filter(l -> l.kind().isCharge()).map(InvoiceLine::amount)
                .reduce(Money.zero(USD), Money::plus)).isEqualTo(invoice.subtotal());
    }

    // helpers

    private static CreditGrant grant(String id, String grantedOn, String available, String expiresOn) {
        return new CreditGrant(id, "cust-1", LocalDate.parse(grantedOn), usd(available),
                expiresOn == null ? null : LocalDate.parse(expiresOn));
    }

    private static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    private static List<String> describe(List<AppliedCredit> applied) {
        return applied.stream().map(a -> a.grantId() + " " + a.amount().amount().toPlainString() + " left "
                + a.balanceLeft().amount().toPlainString()).toList();
    }
}
