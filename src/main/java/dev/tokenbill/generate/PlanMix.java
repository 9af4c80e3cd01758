package dev.tokenbill.generate;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.Plan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The plans customers are put on, with the models and meters each prices read from the catalog
 * (so usage rows only carry what the plan can bill). The customer shares and usage factors below
 * are the generator's own assumptions, not data.
 */
final class PlanMix {

    /** The model name of rows billed by a plan whose charges name no model (dedicated endpoints). */
    static final String DEDICATED_MODEL = "llama-3.1-70b-dedicated";

    // plan id -> {share of customers in percent, events per customer relative to pay-as-you-go}
    private static final Map<String, double[]> MIX = new LinkedHashMap<>();

    static {
        MIX.put("payg-usd", new double[] {45, 1.0});
        MIX.put("pro-usd", new double[] {20, 2.0});
        MIX.put("pro-eur", new double[] {12, 2.0});
        MIX.put("enterprise-usd", new double[] {5, 4.0});
        MIX.put("dedicated-a100", new double[] {4, 1.0});
        MIX.put("dedicated-h100-eur", new double[] {4, 1.0});
        MIX.put("daily-starter-usd", new double[] {10, 0.3});
    }

    /** The meter columns of a usage row, from column 4. */
    static final List<String> METERS = List.of("input_tokens", "cached_input_tokens", "output_tokens", "gpu_seconds");

    private final List<PlanProfile> plans;
    private final double[] cumulative;
    private final List<String> catalogModels;

    private PlanMix(List<PlanProfile> plans, List<String> catalogModels) {
        this.plans = List.copyOf(plans);
        this.catalogModels = List.copyOf(catalogModels);
        this.cumulative = new double[plans.size()];
        double sum = 0;
        for (int i = 0; i < plans.size(); i++) {
            sum += plans.get(i).weight();
            cumulative[i] = sum;
        }
    }

    static PlanMix from(Catalog catalog) {
        List<PlanProfile> profiles = new ArrayList<>();
        Set<String> allModels = new LinkedHashSet<>();
        MIX.forEach((id, mix) -> {
            Plan plan = catalog.plan(id).orElseThrow(() -> new IllegalStateException("the catalog has no plan " + id));
            List<ModelProfile> models = models(plan);
            models.forEach(m -> allModels.add(m.model()));
            profiles.add(new PlanProfile(id, plan.currency().getCurrencyCode(), mix[0], mix[1],
                    plan.recurringFee() != null, models, unpricedMeterOfAnyModel(plan)));
        });
        return new PlanMix(profiles, new ArrayList<>(allModels));
    }

    private static List<ModelProfile> models(Plan plan) {
        Set<String> names = new LinkedHashSet<>();
        plan.charges().forEach(c -> names.add(c.model() == null ? DEDICATED_MODEL : c.model()));
        List<ModelProfile> models = new ArrayList<>();
        for (String name : names) {
            BigDecimal threshold = plan.conditionsOf(name).longContextThreshold();
            models.add(new ModelProfile(name,
                    plan.chargeFor("input_tokens", name).isPresent(),
                    plan.chargeFor("cached_input_tokens", name).isPresent(),
                    plan.chargeFor("output_tokens", name).isPresent(),
                    plan.chargeFor("gpu_seconds", name).isPresent(),
                    threshold == null ? -1 : threshold.longValueExact()));
        }
        return models;
    }

    private static int unpricedMeterOfAnyModel(Plan plan) {
        if (plan.charges().stream().noneMatch(c -> c.model() == null)) {
            return -1;
        }
        for (int column = 0; column < METERS.size(); column++) {
            if (!plan.pricesMeter(METERS.get(column))) {
                return 4 + column;
            }
        }
        return -1;
    }

    int size() {
        return plans.size();
    }

    PlanProfile plan(int index) {
        return plans.get(index);
    }

    /** Every model some plan prices, in catalog order. */
    List<String> catalogModels() {
        return catalogModels;
    }

    int draw(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Another plan of the same currency, weighted by share, or -1 if there is none. */
    int drawOther(SplittableRandom rng, int current) {
        String currency = plans.get(current).currency();
        double weightSum = 0;
        for (int i = 0; i < plans.size(); i++) {
            weightSum += i != current && plans.get(i).currency().equals(currency) ? plans.get(i).weight() : 0;
        }
        if (weightSum == 0) {
            return -1;
        }
        double u = rng.nextDouble() * weightSum;
        int last = -1;
        for (int i = 0; i < plans.size(); i++) {
            if (i != current && plans.get(i).currency().equals(currency)) {
                last = i;
                u -= plans.get(i).weight();
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }
}
