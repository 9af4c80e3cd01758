package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The prompt-size bands of a model: {@code bounds} are the inclusive upper bounds of every band but
 * the last, ascending (bounds 32000, 128000 make three bands: up to 32,000; above 32,000 up to
 * 128,000; above 128,000). A request's prompt is the sum of its {@code meters}; all its tokens are
 * priced at the band that sum falls in. One bound is the old {@code long_context_threshold}.
 */
public record PromptBands(List<BigDecimal> bounds, List<String> meters) {

    /** What counts toward the prompt unless a catalog says otherwise: fresh and cached input. */
    public static final List<String> DEFAULT_METERS = List.of("input_tokens", "cached_input_tokens");

    public PromptBands {
        bounds = List.copyOf(bounds);
        meters = List.copyOf(meters);
        if (bounds.isEmpty() || bounds.size() >= PriceCondition.MAX_BANDS) {
            throw new IllegalArgumentException("between 1 and " + (PriceCondition.MAX_BANDS - 1) + " bounds, got " + bounds);
        }
    }

    /** Two bands split by {@code threshold}, the prompt counted the default way. */
    public static PromptBands threshold(BigDecimal threshold) {
        return new PromptBands(List.of(threshold), DEFAULT_METERS);
    }

    public int count() {
        return bounds.size() + 1;
    }

    /** The band (1-based) of a request with these meter quantities: the first whose bound the prompt does not exceed. */
    public int band(Map<String, BigDecimal> quantities) {
        BigDecimal prompt = BigDecimal.ZERO;
        for (String meter : meters) {
            BigDecimal quantity = quantities.get(meter);
            if (quantity != null) {
                prompt = prompt.add(quantity);
            }
        }
        for (int i = 0; i < bounds.size(); i++) {
            if (prompt.compareTo(bounds.get(i)) <= 0) {
                return i + 1;
            }
        }
        return bounds.size() + 1;
    }

    /** "prompt up to 32k", "prompt 32k-128k", "prompt over 256k" for band 1, a middle band and the last. */
    public String label(int band) {
        if (band == 1) {
            return "prompt up to " + tokens(bounds.get(0));
        }
        if (band == count()) {
            return "prompt over " + tokens(bounds.get(bounds.size() - 1));
        }
        return "prompt " + tokens(bounds.get(band - 2)) + "-" + tokens(bounds.get(band - 1));
    }

    /** 32000 as "32k", 1000000 as "1M", anything else (32768) as written. */
    static String tokens(BigDecimal count) {
        BigDecimal n = count.stripTrailingZeros();
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        BigDecimal thousand = BigDecimal.valueOf(1_000);
        if (n.signum() > 0 && n.remainder(million).signum() == 0) {
            return n.divide(million).toPlainString() + "M";
        }
        if (n.signum() > 0 && n.remainder(thousand).signum() == 0) {
            return n.divide(thousand).toPlainString() + "k";
        }
        return n.toPlainString();
    }
}
