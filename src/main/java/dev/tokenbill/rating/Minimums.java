package dev.tokenbill.rating;

import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.MinimumCommitmentBase;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.AdjustmentLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.money.Money;
import dev.tokenbill.money.MoneyFormat;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TRUE_UP lines of one subscription: first each charge's own {@code minimum} against that charge's usage
 * lines, then the plan's {@code minimum_commitment} against its usage lines and those per-charge true-ups
 * (so one shortfall is never topped up twice), plus the service period's recurring fee when the plan's
 * minimum covers {@link MinimumCommitmentBase#FEE_AND_USAGE}. Every minimum is prorated by active days
 * (minimum x days / period days, rounded once HALF_UP), like the fee.
 */
final class Minimums {

    private Minimums() {
    }

    /**
     * @param periodFee the recurring fee of this service period, whichever invoice bills it (in advance: often
     *                  the previous one); empty when the plan has none
     */
    static List<InvoiceLine> trueUps(Subscription subscription, Plan plan, BillingPeriod period, List<InvoiceLine> usage,
            Optional<InvoiceLine> periodFee) {
        List<InvoiceLine> trueUps = new ArrayList<>();
        for (Charge charge : plan.charges()) {
            if (charge.minimums().minimum() == null) {
                continue;
            }
            Money committed = prorated(charge.minimums().minimum(), subscription, plan, period);
            Money used = sum(plan, usage.stream().filter(l -> ofCharge(l, charge)).toList());
            String what = "Minimum for " + (charge.model() == null ? "all models" : charge.model()) + ", "
                    + charge.meter().replace('_', ' ') + " true-up";
            trueUp(subscription, plan, what, committed, used, "used").ifPresent(trueUps::add);
        }
        if (plan.minimumCommitment() != null) {
            Money committed = prorated(plan.minimumCommitment(), subscription, plan, period);
            Money used = sum(plan, usage).plus(sum(plan, trueUps));
            String what = "Minimum commitment true-up";
            String verb = "used";
            if (plan.minimumBase() == MinimumCommitmentBase.FEE_AND_USAGE) {
                used = used.plus(sum(plan, periodFee.stream().toList()));
                what = "Minimum spend true-up, fee and usage";
                verb = "spent";
            }
            trueUp(subscription, plan, what, committed, used, verb).ifPresent(trueUps::add);
        }
        return trueUps;
    }

    private static Optional<InvoiceLine> trueUp(Subscription subscription, Plan plan, String what, Money committed,
            Money used, String verb) {
        if (used.compareTo(committed) >= 0) {
            return Optional.empty();
        }
        Money shortfall = committed.minus(used);
        String description = what + " (" + MoneyFormat.amount(committed) + " committed, " + MoneyFormat.amount(used)
                + " " + verb + ")";
        return Optional.of(new AdjustmentLine(LineKind.TRUE_UP, description, subscription.id(), plan.id(),
                BigDecimal.ONE, shortfall.amount(), shortfall));
    }

    private static Money prorated(BigDecimal minimum, Subscription subscription, Plan plan, BillingPeriod period) {
        long days = period.overlapDays(subscription.start(), subscription.end());
        return Money.roundedRatio(minimum.multiply(BigDecimal.valueOf(days)), BigDecimal.valueOf(period.days()),
                plan.currency());
    }

    /** Usage lines carry their charge's meter and model (null for a charge of every model). */
    private static boolean ofCharge(InvoiceLine line, Charge charge) {
        return line.kind() == LineKind.USAGE && charge.meter().equals(line.meter())
                && Objects.equals(charge.model(), line.model());
    }

    private static Money sum(Plan plan, List<InvoiceLine> lines) {
        Money sum = Money.zero(plan.currency());
        for (InvoiceLine line : lines) {
            sum = sum.plus(line.amount());
        }
        return sum;
    }
}
