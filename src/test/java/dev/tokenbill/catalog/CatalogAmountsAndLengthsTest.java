package dev.tokenbill.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the catalog loader checks so the database and the currency can take every value: ids and texts within their
 * stored length ({@link StoredLength}), money amounts with no more decimals than their currency. Line numbers count
 * from the first line of each text block; every expected message is written out here.
 */
class CatalogAmountsAndLengthsTest {

    private static final String FILE = "catalog.yaml";
    private static final String SELLER = "seller: {name: Acme AI}\n";

    private static Catalog load(String yaml) {
        return CatalogLoader.load(FILE, new StringReader(yaml));
    }

    private static void assertProblem(String yaml, int line, String problem) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(CatalogException.class)
                .hasMessage(FILE + ":" + line + ": " + problem);
    }

    /** A catalog of one plan whose body is {@code planLines} (indented under the plan), in {@code currency}. */
    private static String plan(String currency, String planLines) {
        return SELLER + "plans:\n"
                + "  - id: basic\n"
                + "    currency: " + currency + "\n"
                + "    interval: monthly\n"
                + planLines;
    }

    /** Lines 6 and 7 of a {@link #plan}. */
    private static final String ONE_CHARGE = "    charges:\n      - {meter: input_tokens, pricing: per_unit, unit_price: \"0.000001\"}\n";

    @Nested
    class StoredLengths {

        @Test
        void testPlanIdLongerThanStored() {
            assertProblem(SELLER + "plans:\n  - id: " + "p".repeat(70) + "\n    currency: USD\n    interval: monthly\n"
                    + ONE_CHARGE, 3, "plan id is 70 characters, at most 64 are stored");
        }

        @Test
        void testPlanIdOf64Characters_IsAccepted() {
            Catalog catalog = load(SELLER + "plans:\n  - id: " + "p".repeat(64) + "\n    currency: USD\n"
                    + "    interval: monthly\n" + ONE_CHARGE);

            assertThat(catalog.plans()).containsOnlyKeys("p".repeat(64));
        }

        @Test
        void testPlanNameLongerThanItsInvoiceLineHolds() {
            // the name starts a 1000-character invoice line description; 100 are kept for the rest of the text
            assertProblem(plan("USD", "    name: " + "n".repeat(901) + "\n" + ONE_CHARGE), 6,
                    "plan name is 901 characters, at most 900 are stored");
        }

        @Test
        void testMeterLongerThanStored() {
            assertProblem(plan("USD", "    charges:\n      - {meter: " + "m".repeat(65)
                    + ", pricing: per_unit, unit_price: \"0.1\"}\n"), 7, "meter is 65 characters, at most 64 are stored");
        }

        @Test
        void testChargeModelLongerThanStored() {
            assertProblem(plan("USD", "    charges:\n      - {meter: input_tokens, model: " + "x".repeat(257)
                    + ", pricing: per_unit, unit_price: \"0.1\"}\n"), 7, "model is 257 characters, at most 256 are stored");
        }

        @Test
        void testModelConditionsKeyLongerThanStored() {
            assertProblem(plan("USD", "    models:\n      " + "x".repeat(257) + ": {long_context_threshold: 200000}\n"
                    + ONE_CHARGE), 7, "model name is 257 characters, at most 256 are stored");
        }

        @Test
        void testCouponCodeLongerThanStored() {
            assertProblem(plan("USD", ONE_CHARGE) + "coupons:\n  - {code: " + "C".repeat(65)
                    + ", type: percent, percent: \"10\", duration: forever}\n", 9,
                    "coupon code is 65 characters, at most 64 are stored");
        }

        @Test
        void testTaxNameLongerThanStored() {
            assertProblem(SELLER + "taxes:\n  - {country: DE, rate: \"0.19\", name: " + "V".repeat(65) + "}\n"
                    + "plans:\n  - {id: basic, currency: USD, interval: monthly, cost_plus: {margin: \"0.1\"}}\n", 3,
                    "tax name is 65 characters, at most 64 are stored");
        }
    }

    @Nested
    class MoneyAmountsInTheirCurrency {

        @Test
        void testFixedCouponWithHalfAYen() {
            assertProblem(plan("JPY", ONE_CHARGE) + "coupons:\n"
                    + "  - {code: YEN, type: fixed, amount: \"100.5\", currency: JPY, duration: once}\n", 9,
                    "coupon YEN amount 100.5 has more decimals than JPY allows (0)");
        }

        @Test
        void testFixedCouponWithATenthOfACent() {
            assertProblem(plan("USD", ONE_CHARGE) + "coupons:\n"
                    + "  - code: OFF\n"
                    + "    type: fixed\n"
                    + "    amount: \"10.005\"\n"
                    + "    currency: USD\n"
                    + "    duration: once\n", 11, "coupon OFF amount 10.005 has more decimals than USD allows (2)");
        }

        @Test
        void testFixedCouponAmountsThatFitTheirCurrency_AreAccepted() {
            // trailing zeros are not decimals: 100.00 yen is 100 yen
            Catalog catalog = load(plan("JPY", ONE_CHARGE) + "coupons:\n"
                    + "  - {code: YEN, type: fixed, amount: \"100.00\", currency: JPY, duration: once}\n"
                    + "  - {code: OFF, type: fixed, amount: \"10.50\", currency: USD, duration: once}\n"
                    + "  - {code: KWD, type: fixed, amount: \"1.125\", currency: KWD, duration: once}\n");

            assertThat(catalog.coupon("YEN").orElseThrow().amount()).isEqualByComparingTo("100");
            assertThat(catalog.coupon("OFF").orElseThrow().amount()).isEqualByComparingTo("10.50");
            assertThat(catalog.coupon("KWD").orElseThrow().amount()).isEqualByComparingTo("1.125");
        }

        @Test
        void testMinimumCommitmentWithHalfAYen() {
            assertProblem(plan("JPY", "    minimum_commitment: \"5000.5\"\n" + ONE_CHARGE), 6,
                    "minimum_commitment 5000.5 has more decimals than JPY allows (0)");
        }

        @Test
        void testMinimumCommitmentInDinarsWithFourDecimals() {
            // KWD and BHD have 3 decimals: 10.005 is fine, 10.0005 is not
            assertThat(load(plan("KWD", "    minimum_commitment: \"10.005\"\n" + ONE_CHARGE)).plan("basic").orElseThrow()
                    .minimumCommitment()).isEqualByComparingTo("10.005");
            assertProblem(plan("BHD", "    minimum_commitment: \"10.0005\"\n" + ONE_CHARGE), 6,
                    "minimum_commitment 10.0005 has more decimals than BHD allows (3)");
        }

        @Test
        void testMinimumCommitmentTooLargeToStore() {
            assertProblem(plan("USD", "    minimum_commitment: \"1e17\"\n" + ONE_CHARGE), 6,
                    "minimum_commitment is too large: at most 16 digits before the decimal point are stored");
        }

        @Test
        void testTierFlatFeeWithATenthOfACent() {
            assertProblem(plan("USD", """
                        charges:
                          - meter: input_tokens
                            pricing: graduated
                            tiers:
                              - {up_to: 1000, unit_price: "0", flat_fee: "25.005"}
                              - {up_to: null, unit_price: "0.1"}
                    """), 10, "flat_fee 25.005 has more decimals than USD allows (2)");
        }

        @Test
        void testVolumeDiscountThresholdWithHalfAYen() {
            assertProblem(plan("JPY", ONE_CHARGE) + """
                    volume_discounts:
                      - currency: JPY
                        tiers:
                          - {from: "5000.5", percent: "2"}
                    """, 11, "volume discount threshold 'from' 5000.5 has more decimals than JPY allows (0)");
        }

        @Test
        void testPricesKeepTheirFullPrecision() {
            // a recurring fee is per seat and a package price per block: each is multiplied, then the line is rounded once
            Plan plan = load(plan("JPY", """
                        recurring_fee: {amount: "99.5"}
                        charges:
                          - {meter: gpu_seconds, pricing: package, package_size: 60, package_price: "0.75"}
                          - {meter: input_tokens, pricing: per_unit, unit_price: "0.0025"}
                    """)).plan("basic").orElseThrow();

            assertThat(plan.recurringFee().amount()).isEqualByComparingTo("99.5");
            assertThat(plan.charges().get(0).packagePrice()).isEqualByComparingTo("0.75");
        }
    }
}
