package dev.tokenbill.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.invoice.InvoiceLine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Effective-dated prices: each event is priced at the prices in effect on its day in the billing
 * time zone (Europe/Berlin here, UTC+2 in October until the 25th), one line per price in effect.
 * The included quota is used in time order; tiers and blocks count the whole period's usage.
 */
class PriceChangePricingTest {

    private static final String CATALOG = """
            seller: {name: Example AI}
            billing_time_zone: Europe/Berlin
            plans:
              - id: falling
                currency: USD
                interval: monthly
                models:
                  m: {long_context_threshold: 100000}
                charges:
                  - meter: input_tokens
                    model: m
                    pricing: per_unit
                    unit_price: "0.00001"
                    long_context_unit_price: "0.00002"
                    price_changes:
                      - {from: 2026-10-15, unit_price: "0.000005", long_context_unit_price: "0.00001"}
                  - {meter: output_tokens, model: m, pricing: per_unit, unit_price: "0.0001"}
              - id: quota
                currency: USD
                interval: monthly
                charges:
                  - meter: input_tokens
                    pricing: per_unit
                    unit_price: "0.00001"
                    included: 1500000
                    price_changes: [{from: 2026-10-15, unit_price: "0.000005"}]
              - id: tiers
                currency: USD
                interval: monthly
                charges:
                  - meter: input_tokens
                    pricing: graduated
                    tiers:
                      - {up_to: 1000, unit_price: "0.10", flat_fee: "5.00"}
                      - {up_to: null, unit_price: "0.05"}
                    price_changes:
                      - from: 2026-10-15
                        tiers:
                          - {up_to: 1000, unit_price: "0.08", flat_fee: "4.00"}
                          - {up_to: null, unit_price: "0.04"}
                  - meter: output_tokens
                    pricing: volume
                    tiers:
                      - {up_to: 1000, unit_price: "0.10"}
                      - {up_to: null, unit_price: "0.05"}
                    price_changes:
                      - from: 2026-10-15
                        tiers:
                          - {up_to: 1000, unit_price: "0.08"}
                          - {up_to: null, unit_price: "0.04"}
                  - meter: cached_input_tokens
                    pricing: package
                    package_size: 100
                    package_price: "1.00"
                    price_changes: [{from: 2026-10-15, package_price: "0.80"}]
            """;

    /**
     * The price halves from 2026-10-15 in Berlin. 2026-10-14T21:59:59Z is 23:59:59 on the 14th in
     * Berlin: 100,000 x 0.00001 = 1.00. 2026-10-14T22:00:00Z is midnight on the 15th in Berlin:
     * 100,000 x 0.000005 = 0.50. Output tokens have no price change: one line, 2 x 100 x 0.0001 = 0.02.
     * (100,000 is the threshold itself, so both requests are in the first band.)
     */
    @Test
    void testPriceChangeMidPeriod_EventsBeforeAndAfter_TwoLines() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("falling", "m", "2026-10-14T21:59:59Z", "100000", "", "100")
                .request("falling", "m", "2026-10-14T22:00:00Z", "100000", "", "100");

        InvoiceLine before = requests.line("falling", "input_tokens", "STANDARD");
        InvoiceLine after = requests.line("falling", "input_tokens", "STANDARD@2026-10-15");

        assertThat(requests.conditions()).containsExactly(PriceCondition.STANDARD,
                PriceCondition.STANDARD.withPriceDate(LocalDate.parse("2026-10-15")));
        assertThat(before.amount().amount()).isEqualByComparingTo("1.00");
        assertThat(before.unitPrice()).isEqualByComparingTo("0.00001");
        assertThat(before.description()).isEqualTo("m, input tokens (prompt up to 100k, before 2026-10-15)");
        assertThat(after.amount().amount()).isEqualByComparingTo("0.50");
        assertThat(after.unitPrice()).isEqualByComparingTo("0.000005");
        assertThat(after.description()).isEqualTo("m, input tokens (prompt up to 100k, from 2026-10-15)");
        List<InvoiceLine> output = requests.lines("falling").stream().filter(l -> l.meter().equals("output_tokens")).toList();
        assertThat(output).singleElement().satisfies(line -> {
            assertThat(line.amount().amount()).isEqualByComparingTo("0.02");
            assertThat(line.description()).isEqualTo("m, output tokens");
        });
    }

    /**
     * Bands and price dates together: a 150,000-token prompt (over the 100,000 threshold) on the 20th
     * pays the new long-context price, 150,000 x 0.00001 = 1.50; one on the 2nd the old one,
     * 150,000 x 0.00002 = 3.00.
     */
    @Test
    void testPriceChangeOfALongContextPrice() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("falling", "m", "2026-10-02T10:00:00Z", "150000", "", "")
                .request("falling", "m", "2026-10-20T10:00:00Z", "150000", "", "");

        InvoiceLine before = requests.line("falling", "input_tokens", "LONG_CONTEXT");
        InvoiceLine after = requests.line("falling", "input_tokens", "LONG_CONTEXT@2026-10-15");

        assertThat(before.amount().amount()).isEqualByComparingTo("3.00");
        assertThat(before.description()).isEqualTo("m, input tokens (long context, prompt over 100k, before 2026-10-15)");
        assertThat(after.amount().amount()).isEqualByComparingTo("1.50");
        assertThat(after.description()).isEqualTo("m, input tokens (long context, prompt over 100k, from 2026-10-15)");
    }

    /**
     * The 1,500,000 included units are used in time order: 1,000,000 before the change (all free,
     * 0.00), then 500,000 of the 1,000,000 after it; 500,000 x 0.000005 = 2.50.
     */
    @Test
    void testIncludedQuota_ConsumedInTimeOrderAcrossPrices() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("quota", "any", "2026-10-20T10:00:00Z", "1000000", "", "")
                .request("quota", "any", "2026-10-03T10:00:00Z", "1000000", "", "");

        InvoiceLine before = requests.line("quota", "input_tokens", "STANDARD");
        InvoiceLine after = requests.line("quota", "input_tokens", "STANDARD@2026-10-15");

        assertThat(before.included()).isEqualByComparingTo("1000000");
        assertThat(before.amount().amount()).isEqualByComparingTo("0.00");
        assertThat(after.included()).isEqualByComparingTo("500000");
        assertThat(after.quantity()).isEqualByComparingTo("500000");
        assertThat(after.amount().amount()).isEqualByComparingTo("2.50");
    }

    /**
     * Graduated tiers count the whole period: 600 units before the change fill tier 1 from 0:
     * 600 x 0.10 + flat 5.00 = 65.00. The 900 after it continue at 600: 400 more in tier 1 at the new
     * 0.08 = 32.00 (no second flat fee: tier 1 was entered before), 500 in tier 2 at 0.04 = 20.00;
     * 52.00. (Tiers restarted per price would bill 900 x 0.08 + 4.00 = 76.00.)
     */
    @Test
    void testGraduatedTiers_CountTheWholePeriodAcrossPrices() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("tiers", "any", "2026-10-05T10:00:00Z", "600", "", "")
                .request("tiers", "any", "2026-10-25T10:00:00Z", "900", "", "");

        InvoiceLine before = requests.line("tiers", "input_tokens", "STANDARD");
        InvoiceLine after = requests.line("tiers", "input_tokens", "STANDARD@2026-10-15");

        assertThat(before.amount().amount()).isEqualByComparingTo("65.00");
        assertThat(after.amount().amount()).isEqualByComparingTo("52.00");
        assertThat(after.tiers()).hasSize(2);
        assertThat(after.tiers().get(0).from()).isEqualByComparingTo("600");
        assertThat(after.tiers().get(0).units()).isEqualByComparingTo("400");
        assertThat(after.tiers().get(0).flatFee()).isEqualByComparingTo("0");
        assertThat(after.tiers().get(1).units()).isEqualByComparingTo("500");
        assertThat(after.description()).isEqualTo("All models, input tokens, graduated tiers (from 2026-10-15)");
    }

    /**
     * Volume: the period's 600 + 900 = 1,500 units reach tier 2, so both prices use their tier 2:
     * 600 x 0.05 = 30.00 and 900 x 0.04 = 36.00. Package of 100: 150 units before the change start
     * 2 blocks at 1.00 = 2.00; the 100 after bring the period to 250, block 3: 1 more at 0.80 = 0.80
     * (3 blocks in all, as for 250 units at one price).
     */
    @Test
    void testVolumeTierAndPackageBlocks_CountTheWholePeriodAcrossPrices() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("tiers", "any", "2026-10-05T10:00:00Z", "", "150", "600")
                .request("tiers", "any", "2026-10-25T10:00:00Z", "", "100", "900");

        assertThat(requests.line("tiers", "output_tokens", "STANDARD").amount().amount()).isEqualByComparingTo("30.00");
        assertThat(requests.line("tiers", "output_tokens", "STANDARD@2026-10-15").amount().amount())
                .isEqualByComparingTo("36.00");
        InvoiceLine blocksBefore = requests.line("tiers", "cached_input_tokens", "STANDARD");
        InvoiceLine blocksAfter = requests.line("tiers", "cached_input_tokens", "STANDARD@2026-10-15");
        assertThat(blocksBefore.amount().amount()).isEqualByComparingTo("2.00");
        assertThat(blocksAfter.amount().amount()).isEqualByComparingTo("0.80");
        assertThat(blocksAfter.description())
                .isEqualTo("All models, cached input tokens, 1 started blocks of 100 at 0.8 per block (from 2026-10-15)");
    }

    /** Usage only under the new prices: one line, no date in its description (its unit price tells). */
    @Test
    void testOnlyOnePriceUsed_OneLineWithoutDate() {
        ClassifiedRequests requests = new ClassifiedRequests(CATALOG)
                .request("falling", "m", "2026-10-20T10:00:00Z", "1000", "", "");

        InvoiceLine line = requests.line("falling", "input_tokens", "STANDARD@2026-10-15");

        assertThat(line.description()).isEqualTo("m, input tokens (prompt up to 100k)");
        assertThat(line.amount().amount()).isEqualByComparingTo("0.01"); // 1,000 x 0.000005 = 0.005 -> 0.01 HALF_UP
    }
}
