package dev.tokenbill.rating;

import static dev.tokenbill.catalog.PriceCondition.LONG_CONTEXT;
import static dev.tokenbill.catalog.PriceCondition.OFF_PEAK;
import static dev.tokenbill.catalog.PriceCondition.STANDARD;
import static dev.tokenbill.rating.RatingFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.OffPeakWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-request price condition decided before aggregation (catalog's ModelConditions, as rating relies on it). */
class PriceConditionClassificationTest {

    private static final Instant MIDDAY = Instant.parse("2026-10-05T12:00:00Z");
    private static final OffPeakWindow EVENING_UTC = new OffPeakWindow(LocalTime.of(16, 30), LocalTime.of(0, 30), ZoneOffset.UTC);
    private static final ModelConditions LONG_200K = ModelConditions.threshold(d("200000"), null);
    private static final ModelConditions OFF_PEAK_ONLY = new ModelConditions(null, EVENING_UTC);
    private static final ModelConditions BOTH = ModelConditions.threshold(d("200000"), EVENING_UTC);

    private static Map<String, BigDecimal> prompt(String input, String cached) {
        return Map.of("input_tokens", d(input), "cached_input_tokens", d(cached), "output_tokens", d("1000"));
    }

    // long context

    @Test
    void longContext_promptExactlyAtThreshold_isStandard() {
        // when: 150,000 input + 50,000 cached = 200,000, not strictly above 200,000
        var condition = LONG_200K.classify(MIDDAY, prompt("150000", "50000"));

        // then
        assertThat(condition).isEqualTo(STANDARD);
    }

    @Test
    void longContext_promptOneAboveThreshold_isLongContext() {
        // when: 150,000 input + 50,001 cached = 200,001 > 200,000
        var condition = LONG_200K.classify(MIDDAY, prompt("150000", "50001"));

        // then
        assertThat(condition).isEqualTo(LONG_CONTEXT);
    }

    @Test
    void longContext_cachedTokensCountTowardsThePrompt() {
        // when: 1 input + 200,000 cached = 200,001
        var withCache = LONG_200K.classify(MIDDAY, prompt("1", "200000"));
        var inputOnly = LONG_200K.classify(MIDDAY, Map.of("input_tokens", d("200001")));

        // then
        assertThat(withCache).isEqualTo(LONG_CONTEXT);
        assertThat(inputOnly).isEqualTo(LONG_CONTEXT);
    }

    @Test
    void longContext_outputTokensDoNotCountTowardsThePrompt() {
        // when: prompt 100,000; 500,000 output tokens do not make it long
        var condition = LONG_200K.classify(MIDDAY, Map.of("input_tokens", d("100000"), "output_tokens", d("500000")));

        // then
        assertThat(condition).isEqualTo(STANDARD);
    }

    // off-peak window 16:30-00:30 UTC, start inclusive, end exclusive, wrapping midnight

    @Test
    void offPeak_oneSecondBeforeTheWindow_isStandard() {
        assertThat(OFF_PEAK_ONLY.classify(Instant.parse("2026-10-05T16:29:59Z"), Map.of())).isEqualTo(STANDARD);
    }

    @Test
    void offPeak_atTheWindowStart_isOffPeak() {
        assertThat(OFF_PEAK_ONLY.classify(Instant.parse("2026-10-05T16:30:00Z"), Map.of())).isEqualTo(OFF_PEAK);
    }

    @Test
    void offPeak_justBeforeMidnight_isOffPeak() {
        assertThat(OFF_PEAK_ONLY.classify(Instant.parse("2026-10-05T23:59:59.999Z"), Map.of())).isEqualTo(OFF_PEAK);
    }

    @Test
    void offPeak_afterMidnightBeforeTheEnd_isOffPeak() {
        assertThat(OFF_PEAK_ONLY.classify(Instant.parse("2026-10-06T00:29:59Z"), Map.of())).isEqualTo(OFF_PEAK);
    }

    @Test
    void offPeak_atTheWindowEnd_isStandard() {
        assertThat(OFF_PEAK_ONLY.classify(Instant.parse("2026-10-06T00:30:00Z"), Map.of())).isEqualTo(STANDARD);
    }

    @Test
    void offPeak_windowIsReadInItsOwnTimeZone() {
        // given: 22:00-06:00 in Tokyo (UTC+9)
        ModelConditions tokyoNights = new ModelConditions(null,
                new OffPeakWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("Asia/Tokyo")));

        // when: 13:30Z = 22:30 in Tokyo ; 12:30Z = 21:30 in Tokyo
        var night = tokyoNights.classify(Instant.parse("2026-10-05T13:30:00Z"), Map.of());
        var evening = tokyoNights.classify(Instant.parse("2026-10-05T12:30:00Z"), Map.of());

        // then
        assertThat(night).isEqualTo(OFF_PEAK);
        assertThat(evening).isEqualTo(STANDARD);
    }

    @Test
    void longContext_winsOverOffPeak() {
        // when: 17:00 UTC is off-peak, and 250,000 prompt tokens are long context
        var condition = BOTH.classify(Instant.parse("2026-10-05T17:00:00Z"), prompt("250000", "0"));

        // then
        assertThat(condition).isEqualTo(LONG_CONTEXT);
    }

    @Test
    void noConditions_isAlwaysStandard() {
        assertThat(ModelConditions.NONE.classify(Instant.parse("2026-10-05T17:00:00Z"), prompt("900000", "0")))
                .isEqualTo(STANDARD);
    }
}
