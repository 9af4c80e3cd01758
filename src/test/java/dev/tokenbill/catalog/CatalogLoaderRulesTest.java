package dev.tokenbill.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The catalog keys of minimums and the flat fee at zero usage: values, defaults, and their file:line errors. */
class CatalogLoaderRulesTest {

    private static final String FILE = "catalog.yaml";

    private static final String HEAD = """
            seller: {name: Acme AI}
            plans:
              - id: basic
                currency: USD
                interval: monthly
            """;

    private static Catalog load(String yaml) {
        return CatalogLoader.load(FILE, new StringReader(yaml));
    }

    private static void assertProblem(String yaml, int line, String problem) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(FILE + ":" + line + ": ").hasMessageContaining(problem);
    }

    @Test
    void testDefaults_UsageCommitment_NoChargeMinimum_NoFlatFeeAtZero() {
        Plan plan = load(HEAD + """
                    minimum_commitment: "100.00"
                    charges:
                      - meter: requests
                        pricing: graduated
                        tiers:
                          - {up_to: 10, unit_price: "0", flat_fee: "5"}
                          - {up_to: null, unit_price: "1"}
                """).plan("basic").orElseThrow();

        assertThat(plan.minimumBase()).isEqualTo(MinimumCommitmentBase.USAGE);
        assertThat(plan.charges().get(0).minimums()).isEqualTo(ChargeMinimums.NONE);
    }

    @Test
    void testAllKeysRead() {
        Plan plan = load(HEAD + """
                    minimum_commitment: "100.00"
                    minimum_commitment_covers: fee_and_usage
                    recurring_fee: {amount: "20.00"}
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "0.000002", minimum: "10.50"}
                      - meter: requests
                        pricing: volume
                        flat_fee_at_zero_usage: true
                        tiers:
                          - {up_to: 10, unit_price: "0", flat_fee: "5"}
                          - {up_to: null, unit_price: "1"}
                """).plan("basic").orElseThrow();

        assertThat(plan.minimumBase()).isEqualTo(MinimumCommitmentBase.FEE_AND_USAGE);
        assertThat(plan.charges().get(0).minimums().minimum()).isEqualByComparingTo("10.50");
        assertThat(plan.charges().get(0).minimums().flatFeeAtZeroUsage()).isFalse();
        assertThat(plan.charges().get(1).minimums().minimum()).isNull();
        assertThat(plan.charges().get(1).minimums().flatFeeAtZeroUsage()).isTrue();
    }

    @Test
    void testMinimumCommitmentCovers_WithoutACommitment() {
        assertProblem(HEAD + """
                    minimum_commitment_covers: usage
                    recurring_fee: {amount: "20.00"}
                """, 6, "'minimum_commitment_covers' needs a minimum_commitment in plan 'basic'");
    }

    @Test
    void testMinimumCommitmentCovers_UnknownValue() {
        assertProblem(HEAD + """
                    minimum_commitment: "100.00"
                    minimum_commitment_covers: everything
                    recurring_fee: {amount: "20.00"}
                """, 7, "minimum_commitment_covers must be one of usage, fee_and_usage, got 'everything'");
    }

    @Test
    void testChargeMinimum_MoreDecimalsThanTheCurrency() {
        assertProblem(HEAD + """
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "0.000002", minimum: "10.505"}
                """, 7, "minimum 10.505 has more decimals than USD allows (2)");
    }

    @Test
    void testChargeMinimum_Negative() {
        assertProblem(HEAD + """
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "0.000002", minimum: "-1"}
                """, 7, "minimum must not be negative");
    }

    @Test
    void testFlatFeeAtZeroUsage_OnPerUnitPricing() {
        assertProblem(HEAD + """
                    charges:
                      - {meter: input_tokens, pricing: per_unit, unit_price: "0.000002", flat_fee_at_zero_usage: true}
                """, 7, "'flat_fee_at_zero_usage' applies to graduated and volume pricing only, not per_unit");
    }

    @Test
    void testFlatFeeAtZeroUsage_NotABoolean() {
        assertProblem(HEAD + """
                    charges:
                      - meter: requests
                        pricing: graduated
                        flat_fee_at_zero_usage: yes
                        tiers:
                          - {up_to: null, unit_price: "1"}
                """, 9, "flat_fee_at_zero_usage must be true or false, got 'yes'");
    }
}
