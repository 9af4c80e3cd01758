package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A price plan. {@code recurringFee} and {@code minimumCommitment} may be null (none).
 * {@code performanceTier} is the plan's weight P in cost allocation. A cost-plus plan
 * ({@code costPlusMargin} not null) bills the customer's allocated cost x (1 + margin).
 * {@code minimumBase} (never null) says what counts toward the minimum commitment.
 */
public record Plan(
        String id,
        String name,
        Currency currency,
        BillingInterval interval,
        BigDecimal performanceTier,
        RecurringFee recurringFee,
        BigDecimal minimumCommitment,
        List<Charge> charges,
        Map<String, ModelConditions> models,
        BigDecimal costPlusMargin,
        MinimumCommitmentBase minimumBase) {

    public Plan {
        charges = List.copyOf(charges);
        models = Map.copyOf(models);
        minimumBase = minimumBase == null ? MinimumCommitmentBase.USAGE : minimumBase;
    }

    /** A plan whose minimum commitment (if any) counts usage only. */
    public Plan(String id, String name, Currency currency, BillingInterval interval, BigDecimal performanceTier,
            RecurringFee recurringFee, BigDecimal minimumCommitment, List<Charge> charges,
            Map<String, ModelConditions> models, BigDecimal costPlusMargin) {
        this(id, name, currency, interval, performanceTier, recurringFee, minimumCommitment, charges, models,
                costPlusMargin, MinimumCommitmentBase.USAGE);
    }

    /** A plan without cost-plus pricing. */
    public Plan(String id, String name, Currency currency, BillingInterval interval, BigDecimal performanceTier,
            RecurringFee recurringFee, BigDecimal minimumCommitment, List<Charge> charges,
            Map<String, ModelConditions> models) {
        this(id, name, currency, interval, performanceTier, recurringFee, minimumCommitment, charges, models, null);
    }

    public boolean isCostPlus() {
        return costPlusMargin != null;
    }

    /** The charge that prices {@code meter} of {@code model}: a model-specific one before a generic one. */
    public Optional<Charge> chargeFor(String meter, String model) {
        Charge generic = null;
        for (Charge charge : charges) {
            if (charge.matches(meter, model)) {
                if (charge.model() != null) {
                    return Optional.of(charge);
                }
                generic = charge;
            }
        }
        return Optional.ofNullable(generic);
    }

    public boolean pricesModel(String model) {
        return charges.stream().anyMatch(c -> c.model() == null || c.model().equals(model));
    }

    public boolean pricesMeter(String meter) {
        return charges.stream().anyMatch(c -> c.meter().equals(meter));
    }

    /**
     * The conditions of {@code model}: its own entry under {@code models}, else the plan-level prompt
     * bands, which the models map holds under {@link ModelConditions#EVERY_MODEL}.
     */
    public ModelConditions conditionsOf(String model) {
        ModelConditions own = models.get(model);
        return own != null ? own : models.getOrDefault(ModelConditions.EVERY_MODEL, ModelConditions.NONE);
    }

    /** The days on which a charge of this plan changes its prices, ascending. */
    public NavigableSet<LocalDate> priceChangeDates() {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (Charge charge : charges) {
            charge.priceChanges().forEach(change -> dates.add(change.from()));
        }
        return dates;
    }
}
