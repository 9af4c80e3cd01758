package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The AI-specific price conditions of one model on one plan. A request is long-context when its
 * prompt ({@code input_tokens + cached_input_tokens}) is strictly greater than the threshold; then
 * all its tokens are priced at the long-context prices. Either part may be null.
 */
public record ModelConditions(BigDecimal longContextThreshold, OffPeakWindow offPeak) {

    public static final ModelConditions NONE = new ModelConditions(null, null);

    public PriceCondition classify(Instant timestamp, Map<String, BigDecimal> meters) {
        if (longContextThreshold != null && prompt(meters).compareTo(longContextThreshold) > 0) {
            return PriceCondition.LONG_CONTEXT;
        }
        if (offPeak != null && offPeak.contains(timestamp)) {
            return PriceCondition.OFF_PEAK;
        }
        return PriceCondition.STANDARD;
    }

    private static BigDecimal prompt(Map<String, BigDecimal> meters) {
        return meters.getOrDefault("input_tokens", BigDecimal.ZERO)
                .add(meters.getOrDefault("cached_input_tokens", BigDecimal.ZERO));
    }
}
