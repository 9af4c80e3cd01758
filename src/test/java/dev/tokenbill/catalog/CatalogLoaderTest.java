package dev.tokenbill.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One test per validation rule of {@link CatalogLoader}: each asserts that the message names the
 * file, the line of the offending key or value, and the problem (docs/catalog.md, "Validation").
 * Line numbers count from the first line of each text block.
 */
class CatalogLoaderTest {

    private static final String FILE = "catalog.yaml";

    private static Catalog load(String yaml) {
        return CatalogLoader.load(FILE, new StringReader(yaml));
    }

    private static void assertProblem(String yaml, int line, String problem) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(FILE + ":" + line + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void testValidMinimalCatalog_DefaultsApplied() {
        Catalog catalog = load("""
                seller:
                  name: Acme AI
                plans:
                  - id: basic
                    currency: USD
                    interval: monthly
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "0.0000025"}
                """);

        Plan plan = catalog.plan("basic").orElseThrow();
        assertThat(catalog.billingZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(catalog.taxes()).isEmpty();
        assertThat(plan.name()).isEqualTo("basic");
        assertThat(plan.performanceTier()).isEqualByComparingTo("1");
        assertThat(plan.recurringFee()).isNull();
        assertThat(plan.minimumCommitment()).isNull();
        Charge charge = plan.charges().get(0);
        assertThat(charge.model()).isNull();
        assertThat(charge.included()).isEqualByComparingTo("0");
        // read as text: the price keeps all its digits, no binary floating point on the way
        assertThat(charge.unitPrice()).isEqualTo(new BigDecimal("0.0000025"));
    }

    @Nested
    class UnknownKeys {

        @Test
        void testUnknownTopLevelKey() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    invoices: []
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 3, "unknown key 'invoices' in the catalog");
        }

        @Test
        void testUnknownPlanKey() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        price: "20.00"
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 7, "unknown key 'price' in a plan");
        }

        @Test
        void testUnknownChargeKey() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: per_unit
                            unitprice: "0.000001"
                    """, 10, "unknown key 'unitprice' in a charge");
        }

        @Test
        void testUnknownTierKey() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: graduated
                            tiers:
                              - {up_to: 100, unit_price: "0.01"}
                              - {to: null, unit_price: "0.005"}
                    """, 12, "unknown key 'to' in a tier");
        }

        @Test
        void testDuplicateKeyInOneMapping() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        currency: EUR
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 6, "duplicate key 'currency' in a plan");
        }
    }

    @Nested
    class MissingKeys {

        @Test
        void testMissingPlanId() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - name: Basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 4, "missing key 'id'");
        }

        @Test
        void testMissingCurrency() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 4, "missing key 'currency'");
        }

        @Test
        void testMissingPricing() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, unit_price: "0.000001"}
                    """, 8, "missing key 'pricing'");
        }

        @Test
        void testMissingUnitPriceForPerUnit() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit}
                    """, 8, "missing key 'unit_price'");
        }

        @Test
        void testMissingTiersForGraduated() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: graduated}
                    """, 8, "missing key 'tiers'");
        }

        @Test
        void testMissingSeller() {
            assertProblem("""
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 1, "missing key 'seller'");
        }

        @Test
        void testPlanWithNeitherFeeNorCharge() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges: []
                    """, 4, "plan 'basic' has neither a recurring fee");
        }
    }

    @Nested
    class Values {

        @Test
        void testNegativePrice() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "-0.000001"}
                    """, 8, "unit_price must not be negative, got -0.000001");
        }

        @Test
        void testNonNumericPrice() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: per_unit
                            unit_price: "$3 per MTok"
                    """, 10, "unit_price must be a decimal number, got '$3 per MTok'");
        }

        @Test
        void testInvalidCurrency() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: EURO
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 5, "currency must be an ISO 4217 code such as USD, got 'EURO'");
        }

        @Test
        void testInvalidInterval() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: weekly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 6, "interval must be one of monthly, daily, got 'weekly'");
        }

        @Test
        void testInvalidPricing() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: tiered
                            unit_price: "0.000001"
                    """, 9, "pricing must be one of per_unit, package, graduated, volume, got 'tiered'");
        }

        @Test
        void testInvalidFeeTiming() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        recurring_fee: {amount: "20.00", timing: upfront}
                    """, 7, "timing must be one of in_advance, in_arrears, got 'upfront'");
        }

        @Test
        void testKeyOfAnotherPricingModel() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: graduated
                            unit_price: "0.000001"
                            tiers:
                              - {up_to: null, unit_price: "0.000001"}
                    """, 10, "'unit_price' does not apply to pricing graduated");
        }

        @Test
        void testZeroPackageSize() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: gpu_seconds, pricing: package, package_size: 0, package_price: "0.06"}
                    """, 8, "package_size must be greater than zero");
        }

        @Test
        void testUnknownTimeZone() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    billing_time_zone: Mars/Olympus_Mons
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 3, "unknown time zone 'Mars/Olympus_Mons'");
        }
    }

    @Nested
    class Coupons {

        @Test
        void testCouponForBareMeterTarget_NeedsAMeterName() {
            // used to load as a METER target without a meter, and to fail only when an invoice was rated
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        recurring_fee: {amount: "20.00"}
                    coupons:
                      - code: TOKENS10
                        type: percent
                        percent: 10
                        duration: forever
                        applies_to: [usage, meter]
                    """, 13, "applies_to 'meter' needs a meter name, such as meter:output_tokens");
        }

        @Test
        void testCouponForNamedMeter() {
            Catalog catalog = load("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        recurring_fee: {amount: "20.00"}
                    coupons:
                      - {code: TOKENS10, type: percent, percent: 10, duration: forever, applies_to: ["meter:output_tokens"]}
                    """);

            assertThat(catalog.coupon("TOKENS10").orElseThrow().targets())
                    .containsExactly(new dev.tokenbill.catalog.Coupon.Target(
                            dev.tokenbill.catalog.Coupon.TargetKind.METER, "output_tokens"));
        }
    }

    @Nested
    class Tiers {

        @Test
        void testUnorderedTiers() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: graduated
                            tiers:
                              - {up_to: 1000, unit_price: "0.01"}
                              - {up_to: 500, unit_price: "0.008"}
                              - {up_to: null, unit_price: "0.005"}
                    """, 12, "tiers must be in increasing order: up_to 500 is not above the previous bound 1000");
        }

        @Test
        void testOverlappingTiers_FromBelowPreviousBound() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: volume
                            tiers:
                              - {from: 0, up_to: 1000, unit_price: "0.01"}
                              - {from: 900, up_to: null, unit_price: "0.008"}
                    """, 12, "tier 2 overlaps the previous tier: it starts at 900 but the previous tier ends at 1000");
        }

        @Test
        void testGappedTiers_FromAbovePreviousBound() {
            // 'from' is the previous tier's up_to, not up_to + 1: quantities are decimals, so
            // "1001-" would leave the quantities between 1000 and 1001 without a price
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: graduated
                            tiers:
                              - {up_to: 1000, unit_price: "0.01"}
                              - {from: 1001, up_to: null, unit_price: "0.008"}
                    """, 12, "tier 2 leaves a gap after the previous tier: it starts at 1001 but the previous tier ends at 1000");
        }

        @Test
        void testFirstTierMustStartAtZero() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: graduated
                            tiers:
                              - {from: 1, up_to: 5, unit_price: "7"}
                              - {up_to: null, unit_price: "6"}
                    """, 11, "tier 1 leaves a gap after the previous tier: it starts at 1 but the previous tier ends at 0");
        }

        @Test
        void testUnboundedTierNotLast() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: graduated
                            tiers:
                              - {up_to: null, unit_price: "0.01"}
                              - {up_to: null, unit_price: "0.005"}
                    """, 11, "only the last tier may be unbounded (up_to: null)");
        }

        @Test
        void testLastTierBounded() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            pricing: volume
                            tiers:
                              - {up_to: 1000, unit_price: "0.01"}
                              - {up_to: 5000, unit_price: "0.005"}
                    """, 12, "the last tier must be unbounded (up_to: null)");
        }

        @Test
        void testEmptyTiers() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: volume, tiers: []}
                    """, 8, "tiers must not be empty");
        }
    }

    @Nested
    class Duplicates {

        @Test
        void testDuplicatePlanId() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                      - id: basic
                        currency: EUR
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                    """, 9, "plan 'basic' is defined twice");
        }

        @Test
        void testDuplicateChargeForSameMeterAndModel() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, model: gpt-4o, pricing: per_unit, unit_price: "0.0000025"}
                          - {meter: input_tokens, model: gpt-4o, pricing: per_unit, unit_price: "0.000002"}
                    """, 9, "plan 'basic' prices meter 'input_tokens' of model 'gpt-4o' twice");
        }

        @Test
        void testGenericAndModelChargeForSameMeterAreAllowed() {
            Catalog catalog = load("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"}
                          - {meter: input_tokens, model: gpt-4o, pricing: per_unit, unit_price: "0.0000025"}
                    """);

            Plan plan = catalog.plan("basic").orElseThrow();
            assertThat(plan.chargeFor("input_tokens", "gpt-4o").orElseThrow().unitPrice()).isEqualByComparingTo("0.0000025");
            assertThat(plan.chargeFor("input_tokens", "other").orElseThrow().unitPrice()).isEqualByComparingTo("0.000001");
        }

        @Test
        void testDuplicateTaxCountry() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    taxes:
                      - {country: DE, rate: "0.19"}
                      - {country: DE, rate: "0.07"}
                    plans:
                      - id: basic
                        currency: EUR
                        interval: monthly
                        recurring_fee: {amount: "20.00"}
                    """, 5, "tax rate for country DE is defined twice");
        }
    }

    @Nested
    class PriceConditions {

        @Test
        void testLongContextPriceWithoutThreshold() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, model: claude-sonnet-4-5, pricing: per_unit, unit_price: "0.000003", long_context_unit_price: "0.000006"}
                    """, 8, "'long_context_unit_price' needs a long_context_threshold under models.claude-sonnet-4-5");
        }

        @Test
        void testLongContextPriceWhenModelHasOnlyAnOffPeakWindow() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - meter: input_tokens
                            model: claude-sonnet-4-5
                            pricing: per_unit
                            unit_price: "0.000003"
                            long_context_unit_price: "0.000006"
                        models:
                          claude-sonnet-4-5: {off_peak: {from: "16:30", to: "00:30"}}
                    """, 12, "'long_context_unit_price' needs a long_context_threshold under models.claude-sonnet-4-5");
        }

        @Test
        void testOffPeakPriceWithoutWindow() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.00000027", off_peak_unit_price: "0.000000135"}
                    """, 8, "'off_peak_unit_price' needs a off_peak window under models.<model>");
        }

        @Test
        void testOffPeakMalformedTime() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, model: deepseek-chat, pricing: per_unit, unit_price: "0.00000027", off_peak_unit_price: "0.000000135"}
                        models:
                          deepseek-chat:
                            off_peak:
                              from: "4:30pm"
                              to: "00:30"
                    """, 12, "time must be HH:MM, got '4:30pm'");
        }

        @Test
        void testOffPeakEmptyWindow() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, model: deepseek-chat, pricing: per_unit, unit_price: "0.00000027", off_peak_unit_price: "0.000000135"}
                        models:
                          deepseek-chat: {off_peak: {from: "16:30", to: "16:30"}}
                    """, 10, "off_peak window is empty: from equals to");
        }

        @Test
        void testUnknownModelConditionKey() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, model: claude-sonnet-4-5, pricing: per_unit, unit_price: "0.000003"}
                        models:
                          claude-sonnet-4-5:
                            long_context_treshold: 200000
                    """, 11, "unknown key 'long_context_treshold' in model conditions");
        }
    }

    @Nested
    class FileLevel {

        @Test
        void testInvalidYamlSyntax() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans:
                      - id: basic
                        currency: USD
                        interval: monthly
                        charges:
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.000001"]
                    """, 8, "not valid YAML");
        }

        @Test
        void testEmptyFile() {
            assertProblem("", 1, "the catalog is empty");
        }

        @Test
        void testFileOfCommentsOnly() {
            assertProblem("# nothing here yet\n", 1, "the catalog is empty");
        }

        @Test
        void testNoPlans() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    plans: []
                    """, 1, "the catalog defines no plan");
        }

        @Test
        void testTaxRateOfOneOrMore() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    taxes:
                      - {country: DE, rate: "19", name: VAT}
                    plans:
                      - id: basic
                        currency: EUR
                        interval: monthly
                        recurring_fee: {amount: "20.00"}
                    """, 4, "tax rate is a fraction (0.19 for 19 %), got 19");
        }

        @Test
        void testTaxRateOfExactlyOne() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    taxes:
                      - country: DE
                        rate: "1"
                    plans:
                      - id: basic
                        currency: EUR
                        interval: monthly
                        recurring_fee: {amount: "20.00"}
                    """, 5, "tax rate is a fraction");
        }

        @Test
        void testTaxCountryNotAlpha2() {
            assertProblem("""
                    seller:
                      name: Acme AI
                    taxes:
                      - {country: DEU, rate: "0.19"}
                    plans:
                      - id: basic
                        currency: EUR
                        interval: monthly
                        recurring_fee: {amount: "20.00"}
                    """, 4, "country must be an ISO 3166-1 alpha-2 code, got 'DEU'");
        }

        @Test
        void testLoadFromMissingPathNamesTheFile() {
            Path missing = Path.of("input/no-such-catalog.yaml");
            assertThatThrownBy(() -> CatalogLoader.load(missing))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageStartingWith(missing + ": cannot read the catalog");
        }
    }

    @Test
    void testShippedSampleCatalogLoads() {
        Catalog catalog = CatalogLoader.load(Path.of("input/catalog.yaml"));

        // the sample grows with the product (cost-plus, coupons...): these plans are the ones the demo relies on
        assertThat(catalog.plans()).containsKeys("payg-usd", "pro-usd", "pro-eur", "enterprise-usd",
                "dedicated-a100", "dedicated-h100-eur", "daily-starter-usd");
        assertThat(catalog.billingZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(catalog.seller().name()).isEqualTo("Tokenbill Demo AI Ltd.");
        // NL: the rate of the sample's EU consumer (OSS)
        assertThat(catalog.taxes()).containsOnlyKeys("IE", "DE", "FR", "NL", "US", "GB", "JP");
        assertThat(catalog.taxFor("IE").orElseThrow().rate()).isEqualByComparingTo("0.23");

        Plan pro = catalog.plan("pro-usd").orElseThrow();
        assertThat(pro.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(pro.recurringFee().amount()).isEqualByComparingTo("200.00");
        assertThat(pro.recurringFee().timing()).isEqualTo(FeeTiming.IN_ADVANCE);
        Charge output = pro.chargeFor("output_tokens", "gpt-4o").orElseThrow();
        assertThat(output.pricing()).isEqualTo(PricingModel.GRADUATED);
        assertThat(output.included()).isEqualByComparingTo("2000000");
        assertThat(output.tiers()).hasSize(2);
        assertThat(output.tiers().get(1).unbounded()).isTrue();

        Plan enterprise = catalog.plan("enterprise-usd").orElseThrow();
        assertThat(enterprise.minimumCommitment()).isEqualByComparingTo("5000.00");
        assertThat(enterprise.recurringFee().timing()).isEqualTo(FeeTiming.IN_ARREARS);
        assertThat(enterprise.chargeFor("input_tokens", "gpt-4.1").orElseThrow().pricing()).isEqualTo(PricingModel.VOLUME);

        Plan payg = catalog.plan("payg-usd").orElseThrow();
        assertThat(payg.recurringFee()).isNull();
        assertThat(payg.conditionsOf("claude-sonnet-4-5").longContextThreshold()).isEqualByComparingTo("200000");
        assertThat(payg.chargeFor("output_tokens", "claude-sonnet-4-5").orElseThrow().longContextUnitPrice())
                .isEqualByComparingTo("0.0000225");
        OffPeakWindow window = payg.conditionsOf("deepseek-chat").offPeak();
        assertThat(window).isEqualTo(new OffPeakWindow(LocalTime.of(16, 30), LocalTime.of(0, 30), ZoneId.of("UTC")));

        assertThat(catalog.plan("dedicated-a100").orElseThrow().chargeFor("gpu_seconds", "any").orElseThrow().pricing())
                .isEqualTo(PricingModel.PACKAGE);
        assertThat(catalog.plan("dedicated-h100-eur").orElseThrow().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(catalog.plan("daily-starter-usd").orElseThrow().interval()).isEqualTo(BillingInterval.DAILY);
    }
}
