package dev.tokenbill.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loader's rules for prompt bands ({@code prompt_bands}, {@code prompt_meters},
 * {@code band_unit_prices}) and effective-dated prices ({@code price_changes}): what loads, and a
 * {@code catalog.yaml:line: problem} for what does not. Line numbers count from each text block's first line.
 */
class CatalogBandsAndPriceChangesTest {

    private static final String FILE = "catalog.yaml";
    private static final String HEAD = """
            seller: {name: Acme AI}
            plans:
              - id: p
                currency: USD
                interval: monthly
            """;

    private static Catalog load(String plan) {
        return CatalogLoader.load(FILE, new StringReader(HEAD + plan));
    }

    /** {@code line} counts within {@code plan}, after the five lines of HEAD. */
    private static void assertProblem(String plan, int line, String problem) {
        assertThatThrownBy(() -> load(plan))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(FILE + ":" + (line + 5) + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void testThresholdIsATwoBandTable_CountingInputAndCachedInput() {
        Plan plan = load("""
                    models:
                      m: {long_context_threshold: 200000}
                    charges:
                      - {meter: input_tokens, model: m, pricing: per_unit, unit_price: "1", long_context_unit_price: "2"}
                """).plan("p").orElseThrow();

        assertThat(plan.conditionsOf("m").bands())
                .isEqualTo(new PromptBands(List.of(new BigDecimal("200000")), List.of("input_tokens", "cached_input_tokens")));
        assertThat(plan.chargeFor("input_tokens", "m").orElseThrow().bandUnitPrices()).containsExactly(new BigDecimal("2"));
    }

    @Test
    void testPlanLevelBands_ApplyToEveryModelWithoutItsOwn() {
        Plan plan = load("""
                    prompt_bands: [32000, 128000]
                    prompt_meters: [input_tokens]
                    models:
                      night: {off_peak: {from: "22:00", to: "06:00"}}
                      own: {prompt_bands: [1000]}
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "1", band_unit_prices: ["2", "3"]}
                      - {meter: input_tokens, model: own, pricing: per_unit, unit_price: "1", band_unit_prices: ["5"]}
                """).plan("p").orElseThrow();

        PromptBands planLevel = new PromptBands(List.of(new BigDecimal("32000"), new BigDecimal("128000")),
                List.of("input_tokens"));
        assertThat(plan.conditionsOf("unlisted").bands()).isEqualTo(planLevel);
        assertThat(plan.conditionsOf("night").bands()).isEqualTo(planLevel);
        assertThat(plan.conditionsOf("night").offPeak()).isNotNull();
        assertThat(plan.conditionsOf("own").bands().bounds()).containsExactly(new BigDecimal("1000"));
        assertThat(plan.conditionsOf("own").bands().meters()).containsExactly("input_tokens");
    }

    @Test
    void testBandPricesMustMatchTheBands() {
        assertProblem("""
                    models:
                      m: {prompt_bands: [32000, 128000, 256000]}
                    charges:
                      - {meter: input_tokens, model: m, pricing: per_unit, unit_price: "1", band_unit_prices: ["2", "3"]}
                """, 4, "the prompt bands under models.m make 4 bands, so the charge needs 3 band price(s)");
    }

    @Test
    void testLongContextPriceWithMoreThanTwoBands() {
        assertProblem("""
                    models:
                      m: {prompt_bands: [32000, 128000]}
                    charges:
                      - {meter: input_tokens, model: m, pricing: per_unit, unit_price: "1", long_context_unit_price: "2"}
                """, 4, "use 'band_unit_prices' for more than two bands");
    }

    @Test
    void testBandPricesOfAChargeWithoutModel_NeedPlanLevelBands() {
        assertProblem("""
                    models:
                      m: {prompt_bands: [32000]}
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "1", band_unit_prices: ["2"]}
                """, 4, "'band_unit_prices' needs prompt_bands at plan level");
    }

    @Test
    void testChargeWithoutModel_ModelWithOtherBandsNeedsItsOwnCharge() {
        assertProblem("""
                    prompt_bands: [200000]
                    models:
                      m: {prompt_bands: [32000, 128000]}
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "1", band_unit_prices: ["2"]}
                """, 5, "models.m has bands of its own: give it its own input_tokens charge");
    }

    @Test
    void testChargeWithoutModel_ModelWithOtherBandsAndItsOwnCharge_Loads() {
        Plan plan = load("""
                    prompt_bands: [200000]
                    models:
                      m: {prompt_bands: [32000, 128000]}
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "1", band_unit_prices: ["2"]}
                      - {meter: input_tokens, model: m, pricing: per_unit, unit_price: "1", band_unit_prices: ["2", "3"]}
                """).plan("p").orElseThrow();

        assertThat(plan.chargeFor("input_tokens", "m").orElseThrow().bandUnitPrices()).hasSize(2);
    }

    @Test
    void testBoundsMustIncrease() {
        assertProblem("""
                    prompt_bands: [32000, 32000]
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "1"}
                """, 1, "32000 does not follow 32000");
    }

    @Test
    void testThresholdAndBandsTogether() {
        assertProblem("""
                    models:
                      m:
                        long_context_threshold: 200000
                        prompt_bands: [200000]
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "1"}
                """, 4, "give either 'long_context_threshold' (two bands) or 'prompt_bands', not both");
    }

    @Test
    void testPromptMetersListedTwice() {
        assertProblem("""
                    prompt_bands: [1000]
                    prompt_meters: [input_tokens, input_tokens]
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "1"}
                """, 2, "prompt meter 'input_tokens' is listed twice");
    }

    @Test
    void testPriceChanges_Loaded() {
        Charge charge = load("""
                    charges:
                      - meter: input_tokens
                        pricing: per_unit
                        unit_price: "0.00001"
                        price_changes:
                          - {from: 2026-10-15, unit_price: "0.000005"}
                          - {from: "2026-12-01", unit_price: "0.000004"}
                """).plan("p").orElseThrow().charges().get(0);

        assertThat(charge.priceChanges()).extracting(Charge.PriceChange::from)
                .containsExactly(LocalDate.parse("2026-10-15"), LocalDate.parse("2026-12-01"));
        assertThat(charge.pricesOn(LocalDate.parse("2026-10-14")).unitPrice()).isEqualByComparingTo("0.00001");
        assertThat(charge.pricesOn(LocalDate.parse("2026-10-15")).unitPrice()).isEqualByComparingTo("0.000005");
        assertThat(charge.pricesOn(LocalDate.parse("2026-11-30")).unitPrice()).isEqualByComparingTo("0.000005");
        assertThat(charge.pricesOn(LocalDate.parse("2026-12-01")).unitPrice()).isEqualByComparingTo("0.000004");
    }

    @Test
    void testPriceChanges_OutOfOrder() {
        assertProblem("""
                    charges:
                      - meter: input_tokens
                        pricing: per_unit
                        unit_price: "0.00001"
                        price_changes:
                          - {from: 2026-12-01, unit_price: "0.000004"}
                          - {from: 2026-10-15, unit_price: "0.000005"}
                """, 7, "price changes must be in increasing order of 'from': 2026-10-15 is not after 2026-12-01");
    }

    @Test
    void testPriceChanges_SameDateTwice() {
        assertProblem("""
                    charges:
                      - meter: input_tokens
                        pricing: per_unit
                        unit_price: "0.00001"
                        price_changes:
                          - {from: 2026-10-15, unit_price: "0.000004"}
                          - {from: 2026-10-15, unit_price: "0.000005"}
                """, 7, "two price changes from 2026-10-15");
    }

    @Test
    void testPriceChanges_MustRestateEveryPrice() {
        assertProblem("""
                    models:
                      m: {long_context_threshold: 200000}
                    charges:
                      - meter: input_tokens
                        model: m
                        pricing: per_unit
                        unit_price: "0.00001"
                        long_context_unit_price: "0.00002"
                        price_changes:
                          - {from: 2026-10-15, unit_price: "0.000005"}
                """, 10, "the price change from 2026-10-15 must restate 'long_context_unit_price'");
    }

    @Test
    void testPriceChanges_CannotAddAPrice() {
        assertProblem("""
                    charges:
                      - meter: input_tokens
                        pricing: per_unit
                        unit_price: "0.00001"
                        price_changes:
                          - {from: 2026-10-15, unit_price: "0.000005", off_peak_unit_price: "0.000001"}
                """, 6, "'off_peak_unit_price' is not a price of this charge");
    }

    @Test
    void testPriceChanges_KeepTheTierBounds() {
        assertProblem("""
                    charges:
                      - meter: input_tokens
                        pricing: graduated
                        tiers:
                          - {up_to: 1000, unit_price: "0.10"}
                          - {up_to: null, unit_price: "0.05"}
                        price_changes:
                          - from: 2026-10-15
                            tiers:
                              - {up_to: 2000, unit_price: "0.08"}
                              - {up_to: null, unit_price: "0.04"}
                """, 10, "changes the tier bounds (up_to)");
    }

    @Test
    void testPriceChanges_PackageSizeStays() {
        assertProblem("""
                    charges:
                      - meter: gpu_seconds
                        pricing: package
                        package_size: 60
                        package_price: "0.06"
                        price_changes:
                          - {from: 2026-10-15, package_size: 30, package_price: "0.03"}
                """, 7, "unknown key 'package_size' in a price change");
    }

    @Test
    void testPriceChanges_BadDate() {
        assertProblem("""
                    charges:
                      - meter: input_tokens
                        pricing: per_unit
                        unit_price: "0.00001"
                        price_changes:
                          - {from: 15.10.2026, unit_price: "0.000005"}
                """, 6, "'from' must be a date YYYY-MM-DD, got '15.10.2026'");
    }
}
