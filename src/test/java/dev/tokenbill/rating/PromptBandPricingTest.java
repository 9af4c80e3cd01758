package dev.tokenbill.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.invoice.InvoiceLine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prompt-size bands, from catalog.yaml through the usage classifier to the invoice lines. Per
 * request, all its tokens are priced at the band its prompt reaches; a band "up to N" includes N.
 * Prices are per token and large on purpose, so the arithmetic is easy to follow.
 */
class PromptBandPricingTest {

    private static final String CATALOG = """
            seller: {name: Example AI}
            plans:
              - id: four-bands
                currency: USD
                interval: monthly
                models:
                  long-4: {prompt_bands: [32000, 128000, 256000], off_peak: {from: "16:30", to: "00:30"}}
                charges:
                  - meter: input_tokens
                    model: long-4
                    pricing: per_unit
                    unit_price: "0.0001"
                    band_unit_prices: ["0.0002", "0.0004", "0.0008"]
                    off_peak_unit_price: "0.00005"
                  - {meter: cached_input_tokens, model: long-4, pricing: per_unit, unit_price: "0.00001",
                     band_unit_prices: ["0.00002", "0.00004", "0.00008"]}
                  - {meter: output_tokens, model: long-4, pricing: per_unit, unit_price: "0.001"}
              - id: counting
                currency: USD
                interval: monthly
                models:
                  with-cache: {prompt_bands: [100000]}
                  input-only: {prompt_bands: [100000], prompt_meters: [input_tokens]}
                charges:
                  - {meter: input_tokens, pricing: per_unit, unit_price: "0.0001", band_unit_prices: ["0.0002"]}
                  - {meter: cached_input_tokens, pricing: per_unit, unit_price: "0.00001", band_unit_prices: ["0.00002"]}
                prompt_bands: [100000]
              - id: every-model
                currency: USD
                interval: monthly
                prompt_bands: [200000]
                charges:
                  - {meter: input_tokens, pricing: per_unit, unit_price: "0.00001", band_unit_prices: ["0.00002"]}
            """;

    /**
     * Bands up to 32k, 32k-128k, 128k-256k and above, input tokens at 0.0001 / 0.0002 / 0.0004 /
     * 0.0008. Each request is billed alone, exactly at each upper bound and one token more:
     * 32,000 x 0.0001 = 3.20; 32,001 x 0.0002 = 6.4002 -> 6.40; 128,000 x 0.0002 = 25.60;
     * 128,001 x 0.0004 = 51.2004 -> 51.20; 256,000 x 0.0004 = 102.40; 256,001 x 0.0008 = 204.8008 -> 204.80.
     */
    @ParameterizedTest(name = "{0} prompt tokens -> {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            32000  | STANDARD       | 3.20   | long-4, input tokens (prompt up to 32k)
            32001  | LONG_CONTEXT   | 6.40   | long-4, input tokens (long context, prompt 32k-128k)
            128000 | LONG_CONTEXT   | 25.60  | long-4, input tokens (long context, prompt 32k-128k)
            128001 | LONG_CONTEXT_3 | 51.20  | long-4, input tokens (long context, prompt 128k-256k)
            256000 | LONG_CONTEXT_3 | 102.40 | long-4, input tokens (long context, prompt 128k-256k)
            256001 | LONG_CONTEXT_4 | 204.80 | long-4, input tokens (long context, prompt over 256k)
            """)
    void testFourBands_EachUpperBoundIncludedAndOneTokenMoreIsTheNextBand(String input, String condition, String amount,
            String description) {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("four-bands", "long-4", "2026-10-05T10:00:00Z", input, "", "");

        InvoiceLine line = requests.line("four-bands", "input_tokens", condition);

        assertThat(requests.conditions()).containsExactly(PriceCondition.valueOf(condition));
        assertThat(line.amount().amount()).isEqualByComparingTo(amount);
        assertThat(line.description()).isEqualTo(description);
    }

    /**
     * All tokens of a request follow its band, whatever the meter: 100,000 input + 40,000 cached =
     * 140,000 (128k-256k, band 3): input 100,000 x 0.0004 = 40.00, cached 40,000 x 0.00004 = 1.60;
     * output has no band prices, so its 1,000 tokens stay at 0.001 = 1.00. A second request of 30,000
     * + 2,000 = 32,000 is band 1: 30,000 x 0.0001 = 3.00 and 2,000 x 0.00001 = 0.02.
     */
    @Test
    void testCachedInputCountsByDefault_AndEveryMeterOfTheRequestFollowsItsBand() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("four-bands", "long-4", "2026-10-05T10:00:00Z", "100000", "40000", "1000")
                .request("four-bands", "long-4", "2026-10-05T11:00:00Z", "30000", "2000", "");

        assertThat(requests.line("four-bands", "input_tokens", "LONG_CONTEXT_3").amount().amount()).isEqualByComparingTo("40.00");
        assertThat(requests.line("four-bands", "cached_input_tokens", "LONG_CONTEXT_3").amount().amount())
                .isEqualByComparingTo("1.60");
        assertThat(requests.line("four-bands", "output_tokens", "STANDARD").amount().amount()).isEqualByComparingTo("1.00");
        assertThat(requests.line("four-bands", "input_tokens", "STANDARD").amount().amount()).isEqualByComparingTo("3.00");
        assertThat(requests.line("four-bands", "cached_input_tokens", "STANDARD").amount().amount()).isEqualByComparingTo("0.02");
        assertThat(requests.lines("four-bands")).hasSize(5);
    }

    /**
     * The same request, 90,000 input + 20,000 cached, on two models with one bound of 100,000.
     * Counting input + cached (the default): 110,000 > 100,000 -> band 2: 90,000 x 0.0002 = 18.00,
     * 20,000 x 0.00002 = 0.40. Counting input only: 90,000 -> band 1: 9.00 and 0.20.
     */
    @Test
    void testPromptMeters_InputOnlyVersusInputAndCached() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("counting", "with-cache", "2026-10-05T10:00:00Z", "90000", "20000", "")
                .request("counting", "input-only", "2026-10-05T10:00:00Z", "90000", "20000", "");

        assertThat(requests.conditions()).containsExactly(PriceCondition.LONG_CONTEXT, PriceCondition.STANDARD);
        List<InvoiceLine> lines = requests.lines("counting");
        // the charges have no model: both models pool into them, one line per band
        assertThat(requests.line("counting", "input_tokens", "LONG_CONTEXT").amount().amount()).isEqualByComparingTo("18.00");
        assertThat(requests.line("counting", "cached_input_tokens", "LONG_CONTEXT").amount().amount()).isEqualByComparingTo("0.40");
        assertThat(requests.line("counting", "input_tokens", "STANDARD").amount().amount()).isEqualByComparingTo("9.00");
        assertThat(requests.line("counting", "cached_input_tokens", "STANDARD").amount().amount()).isEqualByComparingTo("0.20");
        assertThat(lines).hasSize(4);
    }

    /**
     * A charge without a model, bands at plan level: any model, 200,000 tokens (the bound) is band 1:
     * 200,000 x 0.00001 = 2.00; 200,001 is band 2: 200,001 x 0.00002 = 4.00002 -> 4.00.
     */
    @Test
    void testChargeWithoutModel_UsesThePlanLevelBands() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("every-model", "model-a", "2026-10-05T10:00:00Z", "200000", "", "")
                .request("every-model", "model-b", "2026-10-05T10:00:00Z", "200001", "", "");

        InvoiceLine standard = requests.line("every-model", "input_tokens", "STANDARD");
        InvoiceLine longContext = requests.line("every-model", "input_tokens", "LONG_CONTEXT");

        assertThat(standard.amount().amount()).isEqualByComparingTo("2.00");
        assertThat(standard.description()).isEqualTo("All models, input tokens (prompt up to 200k)");
        assertThat(longContext.amount().amount()).isEqualByComparingTo("4.00");
        assertThat(longContext.description()).isEqualTo("All models, input tokens (long context, prompt over 200k)");
    }

    /**
     * Off-peak (16:30-00:30 UTC) applies to the first band only; a larger prompt keeps its band.
     * 17:00 with 10,000 tokens: off-peak, 10,000 x 0.00005 = 0.50; 17:00 with 200,000: band 3,
     * 200,000 x 0.0004 = 80.00.
     */
    @Test
    void testOffPeak_OnlyInTheFirstBand_TheBandWins() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("four-bands", "long-4", "2026-10-05T17:00:00Z", "10000", "", "")
                .request("four-bands", "long-4", "2026-10-05T17:00:00Z", "200000", "", "");

        assertThat(requests.conditions()).containsExactly(PriceCondition.OFF_PEAK, PriceCondition.band(3));
        assertThat(requests.line("four-bands", "input_tokens", "OFF_PEAK").amount().amount()).isEqualByComparingTo("0.50");
        assertThat(requests.line("four-bands", "input_tokens", "LONG_CONTEXT_3").amount().amount()).isEqualByComparingTo("80.00");
    }
}
