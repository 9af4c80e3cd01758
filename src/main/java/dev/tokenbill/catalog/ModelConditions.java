package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The AI-specific price conditions of one model on one plan: its prompt-size bands and its off-peak
 * window (either may be null). A request above the first band is priced at its band whatever its
 * time; a request in the first band is off-peak when its timestamp is in the window.
 */
public record ModelConditions(PromptBands bands, OffPeakWindow offPeak) {

    public static final ModelConditions NONE = new ModelConditions(null, null);

    /** The key of the plan-level prompt bands in {@link Plan#models()}: no model name is empty. */
    public static final String EVERY_MODEL = "";

    /** The two bands of a {@code long_context_threshold} (null: none): a prompt strictly greater is long-context. */
    public static ModelConditions threshold(BigDecimal longContextThreshold, OffPeakWindow offPeak) {
        return new ModelConditions(longContextThreshold == null ? null : PromptBands.threshold(longContextThreshold),
                offPeak);
    }

    /** The upper bound of the first band (the long-context threshold), or null without bands. */
    public BigDecimal longContextThreshold() {
        return bands == null ? null : bands.bounds().get(0);
    }

    public PriceCondition classify(Instant timestamp, Map<String, BigDecimal> meters) {
        int band = bands == null ? 1 : bands.band(meters);
        if (band > 1) {
            return PriceCondition.band(band);
        }
        if (offPeak != null && offPeak.contains(timestamp)) {
            return PriceCondition.OFF_PEAK;
        }
        return PriceCondition.STANDARD;
    }
}
