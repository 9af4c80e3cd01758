package dev.tokenbill.rating;

import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage lines of one subscription: totals are pooled per charge (a charge without a model pools
 * every model), the included quota is consumed by standard units first, then off-peak, then
 * long-context ones, and the rest is priced. Units under a condition the charge has no price for
 * are priced as standard units. Charges with no usage produce no line.
 */
final class UsageCharges {

    private UsageCharges() {
    }

    static List<InvoiceLine> lines(Subscription subscription, Plan plan, List<UsageTotal> usage) {
        Map<Charge, EnumMap<PriceCondition, BigDecimal>> pooled = pool(plan, usage);
        List<InvoiceLine> lines = new ArrayList<>();
        for (Charge charge : plan.charges()) {
            EnumMap<PriceCondition, BigDecimal> byCondition = pooled.get(charge);
            if (byCondition != null) {
                lines.addAll(chargeLines(subscription, plan, charge, byCondition));
            }
        }
        return lines;
    }

    private static Map<Charge, EnumMap<PriceCondition, BigDecimal>> pool(Plan plan, List<UsageTotal> usage) {
        Map<Charge, EnumMap<PriceCondition, BigDecimal>> pooled = new LinkedHashMap<>();
        for (UsageTotal total : usage) {
            Charge charge = plan.chargeFor(total.meter(), total.model()).orElseThrow(() -> new IllegalArgumentException(
                    "plan " + plan.id() + " does not price meter " + total.meter() + " of model " + total.model()));
            PriceCondition condition = charge.conditionPrice(total.condition()) == null
                    ? PriceCondition.STANDARD : total.condition();
            pooled.computeIfAbsent(charge, c -> new EnumMap<>(PriceCondition.class))
                    .merge(condition, total.quantity(), BigDecimal::add);
        }
        return pooled;
    }

    private static List<InvoiceLine> chargeLines(Subscription subscription, Plan plan, Charge charge,
            EnumMap<PriceCondition, BigDecimal> byCondition) {
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal quotaLeft = charge.included();
        for (PriceCondition condition : PriceCondition.values()) {
            BigDecimal usage = byCondition.get(condition);
            if (usage == null || usage.signum() == 0) {
                continue;
            }
            BigDecimal included = quotaLeft.min(usage);
            quotaLeft = quotaLeft.subtract(included);
            BigDecimal billed = usage.subtract(included);
            PricedQuantity priced = condition == PriceCondition.STANDARD
                    ? UsagePricer.price(charge, billed, plan.currency())
                    : UsagePricer.perUnit(charge.conditionPrice(condition), billed, plan.currency());
            lines.add(new InvoiceLine(LineKind.USAGE, describe(charge, condition, priced), subscription.id(), plan.id(),
                    charge.meter(), charge.model(), condition, usage, included, billed, priced.unitPrice(),
                    priced.amount(), priced.tiers()));
        }
        return lines;
    }

    private static String describe(Charge charge, PriceCondition condition, PricedQuantity priced) {
        StringBuilder text = new StringBuilder();
        text.append(charge.model() == null ? "All models" : charge.model()).append(", ").append(charge.meter().replace('_', ' '));
        switch (condition) {
            case STANDARD -> { }
            case OFF_PEAK -> text.append(" (off-peak)");
            case LONG_CONTEXT -> text.append(" (long context)");
        }
        if (condition != PriceCondition.STANDARD) {
            return text.toString(); // condition units are priced per unit, never by the charge's tiers or blocks
        }
        switch (charge.pricing()) {
            case PER_UNIT -> { }
            case PACKAGE -> text.append(", ").append(priced.detail());
            case GRADUATED -> text.append(", graduated tiers");
            case VOLUME -> text.append(", volume tiers");
        }
        return text.toString();
    }
}
