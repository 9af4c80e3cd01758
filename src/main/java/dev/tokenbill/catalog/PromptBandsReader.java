package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the prompt-size bands of a plan ({@code prompt_bands}, {@code prompt_meters} at plan level
 * or under {@code models.<model>}) and the band prices of a charge ({@code band_unit_prices}, or the
 * single {@code long_context_unit_price} of a two-band table). Part of {@link CatalogLoader}.
 */
final class PromptBandsReader {

    static final String BOUNDS = "prompt_bands";
    static final String METERS = "prompt_meters";
    static final String THRESHOLD = "long_context_threshold";
    static final String PRICES = "band_unit_prices";
    static final String LONG_CONTEXT_PRICE = "long_context_unit_price";

    private PromptBandsReader() {
    }

    /** The plan-level bands (for every model without its own), or null. */
    static PromptBands planLevel(YamlNode plan, Map<String, YamlNode> m) {
        if (!m.containsKey(BOUNDS)) {
            if (m.containsKey(METERS)) {
                throw m.get(METERS).error("'" + METERS + "' needs '" + BOUNDS + "' at plan level");
            }
            return null;
        }
        return new PromptBands(bounds(m.get(BOUNDS)), m.containsKey(METERS) ? meters(m.get(METERS)) : PromptBands.DEFAULT_METERS);
    }

    /** A model's own bands (prompt_bands or long_context_threshold), else the plan's, with its own prompt_meters if any. */
    static PromptBands model(YamlNode model, Map<String, YamlNode> m, PromptBands planLevel) {
        if (m.containsKey(BOUNDS) && m.containsKey(THRESHOLD)) {
            throw m.get(BOUNDS).error("give either '" + THRESHOLD + "' (two bands) or '" + BOUNDS + "', not both");
        }
        List<BigDecimal> bounds = m.containsKey(BOUNDS) ? bounds(m.get(BOUNDS))
                : m.containsKey(THRESHOLD) ? List.of(m.get(THRESHOLD).decimal(THRESHOLD))
                : planLevel != null ? planLevel.bounds() : null;
        List<String> meters = m.containsKey(METERS) ? meters(m.get(METERS))
                : planLevel != null ? planLevel.meters() : PromptBands.DEFAULT_METERS;
        if (bounds == null) {
            if (m.containsKey(METERS)) {
                throw m.get(METERS).error("'" + METERS + "' needs '" + BOUNDS + "' (here or at plan level) or '" + THRESHOLD + "'");
            }
            return null;
        }
        return new PromptBands(bounds, meters);
    }

    /**
     * A charge's prices for bands 2, 3, ... (empty: none). There must be one per band above the first
     * of the bands that apply to the charge's model (a charge without model: the plan-level bands).
     */
    static List<BigDecimal> chargePrices(Map<String, YamlNode> m, String model, Map<String, ModelConditions> models) {
        boolean single = m.containsKey(LONG_CONTEXT_PRICE);
        if (!single && !m.containsKey(PRICES)) {
            return List.of();
        }
        if (single && m.containsKey(PRICES)) {
            throw m.get(PRICES).error("give either '" + LONG_CONTEXT_PRICE + "' or '" + PRICES + "', not both");
        }
        YamlNode node = m.get(single ? LONG_CONTEXT_PRICE : PRICES);
        ModelConditions conditions = models.get(model == null ? ModelConditions.EVERY_MODEL : model);
        if (conditions == null && model != null) {
            conditions = models.get(ModelConditions.EVERY_MODEL);
        }
        PromptBands bands = conditions == null ? null : conditions.bands();
        String where = model == null ? "at plan level" : "under models." + model;
        if (bands == null) {
            throw node.error(single ? "'" + LONG_CONTEXT_PRICE + "' needs a long_context_threshold under models."
                    + (model == null ? "<model>" : model) : "'" + PRICES + "' needs prompt_bands " + where);
        }
        List<BigDecimal> prices = new ArrayList<>();
        if (single) {
            prices.add(node.decimal(LONG_CONTEXT_PRICE));
        } else {
            for (YamlNode price : node.sequence(PRICES)) {
                prices.add(price.decimal(PRICES));
            }
        }
        if (prices.size() != bands.count() - 1) {
            throw node.error("the prompt bands " + where + " make " + bands.count() + " bands, so the charge needs "
                    + (bands.count() - 1) + " band price(s), one for each band above the first, but has " + prices.size()
                    + (single ? " (use '" + PRICES + "' for more than two bands)" : ""));
        }
        return prices;
    }

    /**
     * A charge without model prices bands by the plan-level bounds, so every model it prices must have
     * those bounds: a model with bands of its own needs its own charge for that meter.
     */
    static void checkSharedBandPrices(List<YamlNode> nodes, List<Charge> charges, Map<String, ModelConditions> models) {
        ModelConditions planLevel = models.get(ModelConditions.EVERY_MODEL);
        for (int i = 0; i < charges.size(); i++) {
            Charge charge = charges.get(i);
            if (charge.model() != null || charge.bandUnitPrices().isEmpty()) {
                continue;
            }
            for (Map.Entry<String, ModelConditions> model : models.entrySet()) {
                boolean ownCharge = charges.stream().anyMatch(c -> c.meter().equals(charge.meter())
                        && model.getKey().equals(c.model()));
                PromptBands bands = model.getValue().bands();
                if (!ownCharge && bands != null && !bands.bounds().equals(planLevel.bands().bounds())) {
                    throw nodes.get(i).error("this charge prices the plan-level prompt bands of every model, but models."
                            + model.getKey() + " has bands of its own: give it its own " + charge.meter()
                            + " charge, or the plan's bands");
                }
            }
        }
    }

    private static List<BigDecimal> bounds(YamlNode node) {
        List<BigDecimal> bounds = new ArrayList<>();
        for (YamlNode item : node.sequence(BOUNDS)) {
            BigDecimal bound = item.decimal(BOUNDS);
            if (bound.signum() == 0 || (!bounds.isEmpty() && bound.compareTo(bounds.get(bounds.size() - 1)) <= 0)) {
                throw item.error("prompt_bands are the upper bounds of the bands, above zero and increasing: "
                        + bound.toPlainString() + " does not follow " + (bounds.isEmpty() ? "0" : bounds.get(bounds.size() - 1).toPlainString()));
            }
            bounds.add(bound);
        }
        if (bounds.isEmpty() || bounds.size() >= PriceCondition.MAX_BANDS) {
            throw node.error("prompt_bands needs between 1 and " + (PriceCondition.MAX_BANDS - 1)
                    + " bounds (the last band, above the last bound, is implied)");
        }
        return bounds;
    }

    private static List<String> meters(YamlNode node) {
        List<String> meters = new ArrayList<>();
        for (YamlNode item : node.sequence(METERS)) {
            String meter = item.storedText(METERS, StoredLength.METER);
            if (meters.contains(meter)) {
                throw item.error("prompt meter '" + meter + "' is listed twice");
            }
            meters.add(meter);
        }
        if (meters.isEmpty()) {
            throw node.error("prompt_meters must name at least one meter");
        }
        return meters;
    }
}
