package dev.tokenbill.rating;

import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.catalog.PromptBands;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.UsageLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Usage lines of one subscription: totals are pooled per charge (a charge without a model pools
 * every model), per price version of the charge and per price condition. The included quota is
 * consumed in time order of the price versions, and within one by standard units first, then
 * off-peak, then the prompt bands upward; the rest is priced. Units under a condition the charge
 * has no price for are priced as standard units. Standard units of all versions count together
 * toward tiers and blocks ({@link SegmentPricer}). Charges with no usage produce no line.
 */
final class UsageCharges {

    private UsageCharges() {
    }

    static List<InvoiceLine> lines(Subscription subscription, Plan plan, List<UsageTotal> usage) {
        Map<Charge, TreeMap<PriceCondition, BigDecimal>> pooled = pool(plan, usage);
        List<InvoiceLine> lines = new ArrayList<>();
        for (Charge charge : plan.charges()) {
            TreeMap<PriceCondition, BigDecimal> byCondition = pooled.get(charge);
            if (byCondition != null) {
                lines.addAll(chargeLines(subscription, plan, charge, byCondition));
            }
        }
        return lines;
    }

    /** Per charge, quantities by condition, the condition's price date being the charge's own version. */
    private static Map<Charge, TreeMap<PriceCondition, BigDecimal>> pool(Plan plan, List<UsageTotal> usage) {
        Map<Charge, TreeMap<PriceCondition, BigDecimal>> pooled = new LinkedHashMap<>();
        for (UsageTotal total : usage) {
            Charge charge = plan.chargeFor(total.meter(), total.model()).orElseThrow(() -> new IllegalArgumentException(
                    "plan " + plan.id() + " does not price meter " + total.meter() + " of model " + total.model()));
            LocalDate version = charge.priceDateOn(total.condition().priceDate());
            PriceCondition condition = total.condition().withoutPriceDate();
            if (charge.pricesOn(version).conditionPrice(condition) == null) {
                condition = PriceCondition.STANDARD;
            }
            pooled.computeIfAbsent(charge, c -> new TreeMap<>(PriceCondition.QUOTA_ORDER))
                    .merge(condition.withPriceDate(version), total.quantity(), BigDecimal::add);
        }
        return pooled;
    }

    private static List<InvoiceLine> chargeLines(Subscription subscription, Plan plan, Charge charge,
            TreeMap<PriceCondition, BigDecimal> byCondition) {
        Map<PriceCondition, BigDecimal> included = new LinkedHashMap<>();
        BigDecimal quotaLeft = charge.included();
        BigDecimal standardBilled = BigDecimal.ZERO;
        for (Map.Entry<PriceCondition, BigDecimal> entry : byCondition.entrySet()) {
            BigDecimal free = quotaLeft.min(entry.getValue());
            quotaLeft = quotaLeft.subtract(free);
            included.put(entry.getKey(), free);
            if (entry.getKey().isStandard()) {
                standardBilled = standardBilled.add(entry.getValue().subtract(free));
            }
        }
        boolean severalVersions = byCondition.keySet().stream().map(PriceCondition::priceDate).distinct().count() > 1;
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal offset = BigDecimal.ZERO;
        for (Map.Entry<PriceCondition, BigDecimal> entry : byCondition.entrySet()) {
            PriceCondition condition = entry.getKey();
            BigDecimal usage = entry.getValue();
            if (usage.signum() == 0) {
                continue;
            }
            BigDecimal billed = usage.subtract(included.get(condition));
            Charge prices = charge.pricesOn(condition.priceDate());
            PricedQuantity priced;
            if (condition.isStandard()) {
                priced = SegmentPricer.price(prices, billed, offset, standardBilled, plan.currency());
                offset = offset.add(billed);
            } else {
                priced = UsagePricer.perUnit(prices.conditionPrice(condition.withoutPriceDate()), billed, plan.currency());
            }
            String description = describe(charge, condition, priced, bands(plan, charge),
                    severalVersions ? version(charge, condition.priceDate()) : null);
            lines.add(new UsageLine(description, subscription.id(), plan.id(), charge.meter(),
                    charge.model(), condition, usage, included.get(condition), billed, priced.unitPrice(), priced.amount(),
                    priced.tiers()));
        }
        return lines;
    }

    /** The prompt bands the charge's band prices refer to: its model's, or the plan-level ones. */
    private static PromptBands bands(Plan plan, Charge charge) {
        ModelConditions conditions = plan.conditionsOf(Objects.requireNonNullElse(charge.model(), ModelConditions.EVERY_MODEL));
        return conditions.bands();
    }

    /** "from 2026-10-15" for a price change, "before 2026-10-15" for the charge's first prices. */
    private static String version(Charge charge, LocalDate priceDate) {
        return priceDate != null ? "from " + priceDate : "before " + charge.priceChanges().get(0).from();
    }

    private static String describe(Charge charge, PriceCondition condition, PricedQuantity priced, PromptBands bands,
            String version) {
        StringBuilder text = new StringBuilder();
        text.append(charge.model() == null ? "All models" : charge.model()).append(", ").append(charge.meter().replace('_', ' '));
        List<String> notes = new ArrayList<>();
        boolean labelBands = bands != null && bands.count() > condition.band();
        if (condition.offPeak()) {
            notes.add("off-peak");
        } else if (condition.band() > 1) {
            notes.add("long context");
            if (bands != null && condition.band() <= bands.count()) {
                notes.add(bands.label(condition.band()));
            }
        } else if (bands != null && !charge.pricesOn(condition.priceDate()).bandUnitPrices().isEmpty()) {
            notes.add(bands.label(1)); // the other bands have lines of their own
        }
        if (condition.isStandard()) {
            // condition units are priced per unit, never by the charge's tiers or blocks
            switch (charge.pricing()) {
                case PER_UNIT -> { }
                case PACKAGE -> text.append(", ").append(priced.detail());
                case GRADUATED -> text.append(", graduated tiers");
                case VOLUME -> text.append(", volume tiers");
            }
        }
        if (version != null) {
            notes.add(version);
        }
        if (!notes.isEmpty()) {
            text.append(" (").append(String.join(", ", notes)).append(')');
        }
        return text.toString();
    }
}
