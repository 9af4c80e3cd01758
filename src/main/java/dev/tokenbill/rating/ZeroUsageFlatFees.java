package dev.tokenbill.rating;

import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.Tier;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.UsageLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The first tier's flat fee of charges with {@code flat_fee_at_zero_usage: true} when no unit is billed at the
 * charge's tiers: no usage at all (a line is added), or usage all within the included quota or all priced under
 * a condition (that line gets the fee). Charges without the setting are left alone: zero billed units cost
 * nothing. The fee is charged whole, rounded once HALF_UP.
 */
final class ZeroUsageFlatFees {

    private static final String NOTE = " (flat fee at zero usage)";

    private ZeroUsageFlatFees() {
    }

    static List<InvoiceLine> apply(Subscription subscription, Plan plan, List<InvoiceLine> usage) {
        List<InvoiceLine> lines = new ArrayList<>(usage);
        for (Charge charge : plan.charges()) {
            if (!charge.minimums().flatFeeAtZeroUsage() || charge.tiers().isEmpty()) {
                continue;
            }
            int standard = indexOfStandardLine(lines, charge);
            if (standard < 0) {
                lines.add(line(subscription, plan, charge, null));
            } else if (lines.get(standard).quantity().signum() == 0) {
                lines.set(standard, line(subscription, plan, charge, lines.get(standard)));
            }
        }
        return lines;
    }

    private static int indexOfStandardLine(List<InvoiceLine> lines, Charge charge) {
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine l = lines.get(i);
            if (l.kind() == LineKind.USAGE && charge.meter().equals(l.meter()) && Objects.equals(charge.model(), l.model())
                    && (l.condition() == null || l.condition() == PriceCondition.STANDARD)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code zeroLine} is the charge's line with no billed unit, or null when it had no usage at all. */
    private static InvoiceLine line(Subscription subscription, Plan plan, Charge charge, InvoiceLine zeroLine) {
        Tier first = charge.tiers().get(0);
        Money amount = Money.rounded(first.flatFee(), plan.currency());
        TierLine tier = new TierLine(1, BigDecimal.ZERO, first.upTo(), BigDecimal.ZERO, first.unitPrice(),
                first.flatFee(), amount);
        if (zeroLine != null) {
            return new UsageLine(zeroLine.description() + NOTE, zeroLine.subscriptionId(), zeroLine.planId(),
                    zeroLine.meter(), zeroLine.model(), zeroLine.condition(), zeroLine.usage(), zeroLine.included(),
                    zeroLine.quantity(), zeroLine.unitPrice(), amount, List.of(tier));
        }
        String description = (charge.model() == null ? "All models" : charge.model()) + ", "
                + charge.meter().replace('_', ' ') + ", " + charge.pricing().name().toLowerCase(java.util.Locale.ROOT)
                + " tiers" + NOTE;
        return new UsageLine(description, subscription.id(), plan.id(), charge.meter(), charge.model(),
                PriceCondition.STANDARD, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, amount, List.of(tier));
    }
}
