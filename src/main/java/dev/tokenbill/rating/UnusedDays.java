package dev.tokenbill.rating;

import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.FeeLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.ServicePeriod;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The unused days of a fee billed in advance: when a subscription ends inside a period whose fee an earlier invoice
 * billed in advance for days after the end, the period's own invoice gets a negative RECURRING line for those days,
 * prorated like the fee: fee x quantity x unusedDays / periodDays, rounded once HALF_UP, then negated. It is a charge
 * line (it lowers the subtotal, so discounts and tax follow it), not a credit note: the advance invoice was right when
 * issued; the end date came later, and the period in which it falls is where it is settled. The line's service period
 * is the days it credits. A fee billed in advance already prorated to the end date leaves nothing unused.
 *
 * <p>When the period of the advance invoice is billed again (a correction) after the next period's final invoice has
 * credited such days, the replacing invoice bills its fee in advance prorated to the end date, which leaves those days
 * out, and the next period's credit stands (a final invoice is never rewritten): they would be given back twice. So the
 * replacing invoice bills them again, at the credit's own amount ({@link #billedAgain}): over both periods the customer
 * pays for the days used, once.
 */
final class UnusedDays {

    private UnusedDays() {
    }

    static List<InvoiceLine> lines(Subscription subscription, Plan plan, BillingPeriod period, List<PrepaidFee> prepaid) {
        List<InvoiceLine> lines = new ArrayList<>();
        if (subscription.end() == null) {
            return lines;
        }
        for (PrepaidFee fee : prepaid) {
            if (!fee.subscriptionId().equals(subscription.id()) || !subscription.end().isBefore(fee.billed().end())) {
                continue;
            }
            LocalDateRange unused = new LocalDateRange(
                    subscription.end().isAfter(fee.billed().start()) ? subscription.end() : fee.billed().start(),
                    fee.billed().end());
            ServicePeriod days = new ServicePeriod(unused.start(), unused.end());
            long count = unused.start().datesUntil(unused.end()).count();
            Money credit = Money.roundedRatio(fee.unitPrice().multiply(fee.quantity()).multiply(BigDecimal.valueOf(count)),
                    BigDecimal.valueOf(period.days()), plan.currency()).negate();
            String description = plan.name() + " recurring fee, unused days credited (" + days.start() + " to "
                    + days.lastDay() + ", " + count + "/" + period.days() + " days, billed in advance on "
                    + fee.invoiceNumber() + ")";
            lines.add(new FeeLine(description, subscription.id(), plan.id(), fee.quantity(), fee.unitPrice(), credit,
                    days));
        }
        return lines;
    }

    /**
     * The days of the next period that its final invoice already credited as unused, billed again by this period's
     * (replacing) invoice: a positive RECURRING line of the credit's amount, quantity and unit price, with the credited
     * days as its service period.
     */
    static List<InvoiceLine> billedAgain(Subscription subscription, Plan plan, List<CreditedUnusedDays> credited) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (CreditedUnusedDays credit : credited) {
            if (!credit.subscriptionId().equals(subscription.id())) {
                continue;
            }
            String description = plan.name() + " recurring fee, " + credit.days().start() + " to "
                    + credit.days().lastDay() + " billed again: credited as unused on " + credit.invoiceNumber()
                    + " against the fee in advance of the invoice this one replaces";
            lines.add(new FeeLine(description, subscription.id(), plan.id(), credit.quantity(), credit.unitPrice(),
                    Money.of(credit.amount().negate(), plan.currency()), credit.days()));
        }
        return lines;
    }

    private record LocalDateRange(java.time.LocalDate start, java.time.LocalDate end) {
    }
}
