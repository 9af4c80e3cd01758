package dev.tokenbill.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored names of price conditions, their order, and the labels of prompt bands. */
class PriceConditionTest {

    private static final LocalDate OCT_15 = LocalDate.parse("2026-10-15");

    @Test
    void testNames_OfTheOldEnumAreKept() {
        assertThat(PriceCondition.STANDARD.name()).isEqualTo("STANDARD");
        assertThat(PriceCondition.OFF_PEAK.name()).isEqualTo("OFF_PEAK");
        assertThat(PriceCondition.LONG_CONTEXT.name()).isEqualTo("LONG_CONTEXT");
        assertThat(PriceCondition.band(2)).isEqualTo(PriceCondition.LONG_CONTEXT);
        assertThat(PriceCondition.band(3).name()).isEqualTo("LONG_CONTEXT_3");
        assertThat(PriceCondition.OFF_PEAK.withPriceDate(OCT_15).toString()).isEqualTo("OFF_PEAK@2026-10-15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "OFF_PEAK", "LONG_CONTEXT", "LONG_CONTEXT_3", "LONG_CONTEXT_99",
            "STANDARD@2026-10-15", "LONG_CONTEXT_4@2027-01-01"})
    void testValueOf_ReadsBackWhatNameWrites(String name) {
        assertThat(PriceCondition.valueOf(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "standard", "LONG_CONTEXT_1", "LONG_CONTEXT_2", "LONG_CONTEXT_100", "LONG_CONTEXT_03", "STANDARD@2026-13-01",
            "PEAK"})
    void testValueOf_RejectsOtherText(String name) {
        assertThatThrownBy(() -> PriceCondition.valueOf(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testLongestNameFitsTheColumn() {
        // price_condition is varchar(40) since V10_1
        assertThat(PriceCondition.band(PriceCondition.MAX_BANDS).withPriceDate(LocalDate.parse("2026-10-15")).name())
                .hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void testOrder_PriceDateFirstThenStandardOffPeakAndBandsUpward() {
        List<PriceCondition> conditions = new ArrayList<>(List.of(PriceCondition.band(3).withPriceDate(OCT_15),
                PriceCondition.STANDARD.withPriceDate(OCT_15), PriceCondition.band(3), PriceCondition.LONG_CONTEXT,
                PriceCondition.OFF_PEAK, PriceCondition.STANDARD));

        conditions.sort(null);

        assertThat(conditions).extracting(PriceCondition::name).containsExactly("STANDARD", "OFF_PEAK", "LONG_CONTEXT",
                "LONG_CONTEXT_3", "STANDARD@2026-10-15", "LONG_CONTEXT_3@2026-10-15");
    }

    @Test
    void testBandLabels() {
        PromptBands bands = new PromptBands(List.of(new BigDecimal("32768"), new BigDecimal("200000"),
                new BigDecimal("1000000")), PromptBands.DEFAULT_METERS);

        assertThat(bands.label(1)).isEqualTo("prompt up to 32768");
        assertThat(bands.label(2)).isEqualTo("prompt 32768-200k");
        assertThat(bands.label(3)).isEqualTo("prompt 200k-1M");
        assertThat(bands.label(4)).isEqualTo("prompt over 1M");
    }

    @Test
    void testBand_FractionalPromptJustAboveABound() {
        PromptBands bands = PromptBands.threshold(new BigDecimal("1000"));

        assertThat(bands.band(java.util.Map.of("input_tokens", new BigDecimal("999.5"), "cached_input_tokens",
                new BigDecimal("0.5")))).isEqualTo(1);
        assertThat(bands.band(java.util.Map.of("input_tokens", new BigDecimal("1000.000001")))).isEqualTo(2);
        assertThat(bands.band(java.util.Map.of("output_tokens", new BigDecimal("5000")))).isEqualTo(1);
    }
}
