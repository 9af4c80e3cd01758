package dev.tokenbill.rating;

import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.FeeLine;
import dev.tokenbill.invoice.InvoiceLine;
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
        List<InvoiceLine> lines = new ArrayList<>(current(subscription, plan, period));
        lines.addAll(inAdvance(subscription, plan, period));
        return lines;
    }

    /** The fee of this period billed on this invoice: in arrears, or in advance when the subscription started in it. */
    static List<InvoiceLine> current(Subscription subscription, Plan plan, BillingPeriod period) {
        RecurringFee fee = plan.recurringFee();
        boolean startedInPeriod = !subscription.start().isBefore(period.start());
        if (fee == null || (fee.timing() == FeeTiming.IN_ADVANCE && !startedInPeriod)) {
            return List.of();
        }
        return line(subscription, plan, period, fee, "").stream().toList();
    }

    /** The next period's fee, billed in advance on this invoice (it belongs to the next service period). */
    static List<InvoiceLine> inAdvance(Subscription subscription, Plan plan, BillingPeriod period) {
        RecurringFee fee = plan.recurringFee();
        if (fee == null || fee.timing() != FeeTiming.IN_ADVANCE || !subscription.start().isBefore(period.end())) {
            return List.of();
        }
        return line(subscription, plan, period.next(), fee, ", in advance").stream().toList();
    }

    /**
     * This period's fee as an earlier invoice billed it (in advance, the subscription having started before the
     * period); empty when this invoice bills it or there is none.
     */
    static java.util.Optional<InvoiceLine> billedEarlier(Subscription subscription, Plan plan, BillingPeriod period) {
        RecurringFee fee = plan.recurringFee();
        if (fee == null || fee.timing() != FeeTiming.IN_ADVANCE || !subscription.start().isBefore(period.start())) {
            return java.util.Optional.empty();
        }
        return line(subscription, plan, period, fee, ", in advance");
    }

    /** The fee of this service period, whichever invoice bills it. */
    static java.util.Optional<InvoiceLine> ofServicePeriod(Subscription subscription, Plan plan, BillingPeriod period) {
        RecurringFee fee = plan.recurringFee();
        return fee == null ? java.util.Optional.empty() : line(subscription, plan, period, fee, "");
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
        return java.util.Optional.of(new FeeLine(description, subscription.id(), plan.id(), quantity, fee.amount(),
                amount, dev.tokenbill.invoice.ServicePeriod.overlap(covered.start(), covered.end(), subscription.start(),
                        subscription.end())));
    }
}
