package dev.tokenbill.rating;

import static dev.tokenbill.catalog.FeeTiming.IN_ADVANCE;
import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.customer;
import static dev.tokenbill.rating.RatingFixtures.feePlan;
import static dev.tokenbill.rating.RatingFixtures.period;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over generated fees, seats, months and end dates, a subscription's next month billed in advance, then ended inside
 * it: whichever of the two months is billed again afterwards, the month's fee over all the final invoices that stand
 * (the replacing invoice of the corrected month and the other month's) is the fee for the days used, prorated once:
 * fee x seats x usedDays / monthDays, HALF_UP to the cent, computed here by BigDecimal. Before the unused-days fix, a
 * correction of the first month lost the used days' share (the days were credited twice). Each case prints its seed.
 */
class UnusedDaysCorrectionPropertiesTest {

    private static final long BASE_SEED = 20261205L;
    private static final int CASES = 300;
    private static final String SUB = "sub-1";

    static LongStream seeds() {
        Random base = new Random(BASE_SEED);
        return LongStream.generate(base::nextLong).limit(CASES);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void theNextMonthsFeeIsBilledForTheDaysUsed_WhicheverMonthIsCorrected(long seed) {
        Random random = new Random(seed);
        String fee = BigDecimal.valueOf(1 + random.nextInt(500_000), 2).toPlainString();
        int seats = 1 + random.nextInt(12);
        BillingPeriod first = period(LocalDate.of(2026, 1 + random.nextInt(11), 1).toString().substring(0, 7));
        BillingPeriod next = first.next();
        int usedDays = 1 + random.nextInt((int) next.days() - 1);
        LocalDate end = next.start().plusDays(usedDays);
        Plan plan = feePlan(USD, fee, IN_ADVANCE);
        Subscription open = new Subscription(SUB, "cust-1", "plan-1", LocalDate.of(2025, 6, 1), null, seats, null);
        Subscription ended = new Subscription(SUB, "cust-1", "plan-1", open.start(), end, seats, null);
        BigDecimal expected = new BigDecimal(fee).multiply(BigDecimal.valueOf(seats)).multiply(BigDecimal.valueOf(usedDays))
                .divide(BigDecimal.valueOf(next.days()), 2, RoundingMode.HALF_UP);
        String what = "seed=" + seed + ": " + seats + " x " + fee + ", " + next.label() + " used " + usedDays + "/"
                + next.days() + " days";

        // the first month billed before the end date was known; the next month credits the unused days
        List<InvoiceLine> advance = feesFor(next, rate(first, open, plan, List.of(), List.of()));
        List<InvoiceLine> credit = feesFor(next, rate(next, ended, plan, prepaid(advance, "TB-1"), List.of()));
        assertThat(credit).as(what).singleElement().satisfies(l -> assertThat(l.amount().signum()).isNegative());

        // when the first month is corrected, the next month's credit standing
        List<InvoiceLine> corrected = feesFor(next, rate(first, ended, plan, List.of(), credited(credit, "TB-2")));
        assertThat(sum(corrected).add(sum(credit))).as(what).isEqualByComparingTo(expected);

        // and when the next month is corrected afterwards, against the first month's replacing invoice
        List<InvoiceLine> credit2 = feesFor(next, rate(next, ended, plan, prepaid(corrected, "TB-3"), List.of()));
        assertThat(sum(corrected).add(sum(credit2))).as(what).isEqualByComparingTo(expected);
    }

    private static Invoice rate(BillingPeriod period, Subscription subscription, Plan plan, List<PrepaidFee> prepaid,
            List<CreditedUnusedDays> credited) {
        return new RatingEngine().rate(customer(USD, false), period,
                List.of(new SubscriptionUsage(subscription, plan, List.of())), Optional.empty(),
                new Adjustments(List.of(), Optional.empty(), List.of(), null, prepaid, credited));
    }

    /** The invoice's RECURRING lines whose service period lies in {@code month}. */
    private static List<InvoiceLine> feesFor(BillingPeriod month, Invoice invoice) {
        return invoice.lines().stream().filter(l -> l.kind() == LineKind.RECURRING && l.servicePeriod() != null
                && !l.servicePeriod().start().isBefore(month.start()) && l.servicePeriod().start().isBefore(month.end()))
                .toList();
    }

    /** What a final invoice's positive fee lines for the month are to the month's own run (JdbcPrepaidFees). */
    private static List<PrepaidFee> prepaid(List<InvoiceLine> lines, String number) {
        return lines.stream().filter(l -> l.amount().signum() > 0).map(l -> new PrepaidFee(SUB, l.servicePeriod(),
                l.quantity(), l.unitPrice(), number)).toList();
    }

    /** What the month's credit lines are to a run of the month before (JdbcPrepaidFees.creditedByNextPeriod). */
    private static List<CreditedUnusedDays> credited(List<InvoiceLine> lines, String number) {
        return lines.stream().map(l -> new CreditedUnusedDays(SUB, l.servicePeriod(), l.quantity(), l.unitPrice(),
                l.amount().amount(), number)).toList();
    }

    private static BigDecimal sum(List<InvoiceLine> lines) {
        return lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
