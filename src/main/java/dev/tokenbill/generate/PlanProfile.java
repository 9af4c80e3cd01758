package dev.tokenbill.generate;

import java.util.List;

/**
 * A catalog plan as the generator uses it: its share of customers ({@code weight}), how much a
 * customer on it uses relative to pay-as-you-go ({@code usageFactor}), whether it has a recurring
 * fee (so seats make sense), and the models it prices. {@code unpricedMeterOfAnyModel} is, for a
 * plan with a charge for every model (a dedicated endpoint), a usage column (4 to 7) that none of
 * its charges prices, or -1.
 */
record PlanProfile(String id, String currency, double weight, double usageFactor, boolean seats, List<ModelProfile> models,
        int unpricedMeterOfAnyModel) {

    PlanProfile {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalStateException("plan " + id + " prices no model, so it cannot have usage");
        }
    }
}
