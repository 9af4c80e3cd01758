package dev.tokenbill.rating;

import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recurring fee lines, prorated by day: fee x quantity x activeDays / periodDays, rounded once
 * HALF_UP. In arrears, the invoice of a period bills that period. In advance, it bills the next
 * period, plus this period when the subscription started in it (nothing billed it before). A
 * subscription that starts after this period is first billed by the period it starts in, so the
 * run of the period before it must not bill that first period in advance too.
 */
final class RecurringFees {

    private RecurringFees() {
    }

    static List<InvoiceLine> lines(Subscription subscription, Plan plan, BillingPeriod period) {
        RecurringFee fee = plan.recurringFee();
        List<InvoiceLine> lines = new ArrayList<>();
        if (fee == null) {
            return lines;
        }
        boolean startedInPeriod = !subscription.start().isBefore(period.start());
        boolean startedByPeriodEnd = subscription.start().isBefore(period.end());
        if (fee.timing() == FeeTiming.IN_ARREARS || startedInPeriod) {
            line(subscription, plan, period, fee, "").ifPresent(lines::add);
        }
        if (fee.timing() == FeeTiming.IN_ADVANCE && startedByPeriodEnd) {
            line(subscription, plan, period.next(), fee, ", in advance").ifPresent(lines::add);
        }
        return lines;
    }

    private static java.util.Optional<InvoiceLine> line(Subscription subscription, Plan plan, BillingPeriod covered,
            RecurringFee fee, String note) {
        long days = covered.overlapDays(subscription.start(), subscription.end());
        if (days == 0) {
            return java.util.Optional.empty();
        }
        BigDecimal quantity = BigDecimal.valueOf(subscription.quantity());
        Money amount = Money.roundedRatio(fee.amount().multiply(quantity).multiply(BigDecimal.valueOf(days)),
                BigDecimal.valueOf(covered.days()), plan.currency());
        String span = days == covered.days() ? covered.label()
                : covered.label() + ", " + days + "/" + covered.days() + " days";
        String description = plan.name() + " recurring fee (" + span + note + ")";
        return java.util.Optional.of(InvoiceLine.simple(LineKind.RECURRING, description, subscription.id(), plan.id(),
                quantity, fee.amount(), amount).withServicePeriod(dev.tokenbill.invoice.ServicePeriod.overlap(
                        covered.start(), covered.end(), subscription.start(), subscription.end())));
    }
}
