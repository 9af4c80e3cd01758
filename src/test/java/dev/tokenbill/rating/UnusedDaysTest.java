package dev.tokenbill.rating;

import static dev.tokenbill.catalog.FeeTiming.IN_ADVANCE;
import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.customer;
import static dev.tokenbill.rating.RatingFixtures.d;
import static dev.tokenbill.rating.RatingFixtures.feePlan;
import static dev.tokenbill.rating.RatingFixtures.period;
import static dev.tokenbill.rating.RatingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.ServicePeriod;
import dev.tokenbill.period.BillingPeriod;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The unused days of a fee billed in advance, credited on the invoice of the period in which the subscription ends. */
class UnusedDaysTest {

    private static final BillingPeriod NOVEMBER = period("2026-11");
    private final Plan inAdvance50 = feePlan(USD, "50.00", IN_ADVANCE);

    /** October's invoice TB-000042 billed all of November in advance, {@code quantity} seats at 50.00. */
    private static PrepaidFee fullNovember(String subscriptionId, int quantity) {
        return new PrepaidFee(subscriptionId, new ServicePeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01")),
                d(Integer.toString(quantity)), d("50.00"), "TB-000042");
    }

    @Test
    void testSubscriptionEndingMidPeriod_AfterTheWholePeriodWasBilledInAdvance_CreditsTheDaysAfterItsEnd() {
        // given two seats, ending 2026-11-21 (exclusive: used November 1-20)
        Subscription ending = subscription("sub-1", "2026-03-01", "2026-11-21", 2);

        // when
        List<InvoiceLine> lines = UnusedDays.lines(ending, inAdvance50, NOVEMBER, List.of(fullNovember("sub-1", 2)));

        // then November 21-30 = 10 of 30 days: 50.00 x 2 x 10 / 30 = 33.333.. -> HALF_UP 33.33, credited
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.RECURRING);
            assertThat(line.amount().amount()).isEqualByComparingTo("-33.33");
            assertThat(line.quantity()).isEqualByComparingTo("2");
            assertThat(line.unitPrice()).isEqualByComparingTo("50.00");
            assertThat(line.servicePeriod()).isEqualTo(
                    new ServicePeriod(LocalDate.parse("2026-11-21"), LocalDate.parse("2026-12-01")));
            assertThat(line.description()).contains("2026-11-21 to 2026-11-30", "10/30 days", "TB-000042");
        });
    }

    @Test
    void testFeeBilledInAdvanceAlreadyProratedToTheEnd_LeavesNothingUnused() {
        // given October already knew the end: it billed November 1-20 only
        Subscription ending = subscription("sub-1", "2026-03-01", "2026-11-21", 1);
        PrepaidFee prorated = new PrepaidFee("sub-1", new ServicePeriod(LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-21")), d("1"), d("50.00"), "TB-000042");

        // when / then
        assertThat(UnusedDays.lines(ending, inAdvance50, NOVEMBER, List.of(prorated))).isEmpty();
    }

    @Test
    void testOpenEndedSubscription_OrAnotherSubscriptionsFee_CreditsNothing() {
        assertThat(UnusedDays.lines(subscription("sub-1", "2026-03-01", null, 1), inAdvance50, NOVEMBER,
                List.of(fullNovember("sub-1", 1)))).isEmpty();
        assertThat(UnusedDays.lines(subscription("sub-1", "2026-03-01", "2026-11-21", 1), inAdvance50, NOVEMBER,
                List.of(fullNovember("sub-other", 1)))).isEmpty();
    }

    @Test
    void testRatingEngine_PutsTheCreditAmongTheCharges_SoTaxFollowsIt() {
        // given one seat ending 2026-11-17 (used November 1-16), November billed in advance in full, VAT 19 %
        Subscription ending = subscription("sub-1", "2026-03-01", "2026-11-17", 1);
        Adjustments adjustments = new Adjustments(List.of(), Optional.empty(), List.of(), null,
                List.of(fullNovember("sub-1", 1)));

        // when
        Invoice invoice = new RatingEngine().rate(customer(USD, false), NOVEMBER,
                List.of(new SubscriptionUsage(ending, inAdvance50, List.of())),
                Optional.of(new TaxRate("DE", d("0.19"), "VAT")), adjustments);

        // then November 17-30 = 14 of 30 days: 50.00 x 14 / 30 = 23.333.. -> 23.33 credited (nothing is billed in
        // advance for December: the subscription has ended); VAT -23.33 x 0.19 = -4.4327 -> -4.43; total -27.76
        assertThat(invoice.lines()).extracting(l -> l.kind() + " " + l.amount().amount().toPlainString())
                .containsExactly("RECURRING -23.33");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("-23.33");
        assertThat(invoice.tax().amount()).isEqualByComparingTo("-4.43");
        assertThat(invoice.total().amount()).isEqualByComparingTo("-27.76");
        assertThat(invoice.amountDue().amount()).isEqualByComparingTo("-27.76");
    }
    @Test
    void testOctoberBilledAgain_AfterNovemberCreditedTheUnusedDays_BillsThoseDaysAgain() {
        // given two seats ending 2026-11-21 (used November 1-20); November's final invoice TB-000050 credited
        // November 21-30 against the fee October's voided invoice billed in advance: 50.00 x 2 x 10 / 30 = -33.33
        Subscription ending = subscription("sub-1", "2026-03-01", "2026-11-21", 2);
        CreditedUnusedDays credited = new CreditedUnusedDays("sub-1",
                new ServicePeriod(LocalDate.parse("2026-11-21"), LocalDate.parse("2026-12-01")), d("2"), d("50.00"),
                d("-33.3300"), "TB-000050");
        Adjustments adjustments = new Adjustments(List.of(), Optional.empty(), List.of(), null, List.of(),
                List.of(credited));

        // when October is billed again (a correction)
        Invoice october = new RatingEngine().rate(customer(USD, false), period("2026-10"),
                List.of(new SubscriptionUsage(ending, inAdvance50, List.of())), Optional.empty(), adjustments);

        // then the fee in advance covers November 1-20 (50.00 x 2 x 20 / 30 = 66.666.. -> 66.67) and the credited
        // days are billed again at the credit's amount, 33.33: 100.00 for November in all, as the voided invoice
        // billed; with November's -33.33 the customer pays 66.67 for the 20 days used (not 33.34)
        assertThat(october.lines()).extracting(l -> l.amount().amount().toPlainString() + " " + l.servicePeriod().start()
                + " " + l.servicePeriod().lastDay()).containsExactly("66.67 2026-11-01 2026-11-20",
                        "33.33 2026-11-21 2026-11-30");
        assertThat(october.subtotal().amount()).isEqualByComparingTo("100.00");
        assertThat(october.lines().get(1).description()).contains("2026-11-21 to 2026-11-30", "billed again",
                "TB-000050");
        assertThat(october.lines().get(1).quantity()).isEqualByComparingTo("2");
        assertThat(october.lines().get(1).unitPrice()).isEqualByComparingTo("50.00");
    }

    @Test
    void testCreditOfAnotherSubscription_IsNotBilledAgain() {
        CreditedUnusedDays other = new CreditedUnusedDays("sub-other",
                new ServicePeriod(LocalDate.parse("2026-11-21"), LocalDate.parse("2026-12-01")), d("1"), d("50.00"),
                d("-16.67"), "TB-000050");
        assertThat(UnusedDays.billedAgain(subscription("sub-1", "2026-03-01", "2026-11-21", 1), inAdvance50,
                List.of(other))).isEmpty();
    }
}
