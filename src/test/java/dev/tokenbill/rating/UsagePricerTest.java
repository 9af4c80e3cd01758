package dev.tokenbill.rating;

import static dev.tokenbill.rating.RatingFixtures.INPUT;
import static dev.tokenbill.rating.RatingFixtures.JPY;
import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.d;
import static dev.tokenbill.rating.RatingFixtures.graduated;
import static dev.tokenbill.rating.RatingFixtures.packaged;
import static dev.tokenbill.rating.RatingFixtures.perUnit;
import static dev.tokenbill.rating.RatingFixtures.tier;
import static dev.tokenbill.rating.RatingFixtures.volume;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Charge;
import dev.tokenbill.invoice.TierLine;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UsagePricerTest {

    @Nested
    class PerUnit {

        @Test
        void perUnit_fullPrecisionTokenPrice_isRoundedOnceHalfUp() {
            // given
            Charge charge = perUnit(INPUT, "0.0000025");

            // when
            PricedQuantity priced = UsagePricer.price(charge, d("1250000"), USD);

            // then
            // 1,250,000 x 0.0000025 = 3.125 -> HALF_UP 3.13
            assertThat(priced.amount().amount()).isEqualByComparingTo("3.13");
            assertThat(priced.unitPrice()).isEqualByComparingTo("0.0000025");
            assertThat(priced.tiers()).isEmpty();
        }

        @Test
        void perUnit_sevenDecimalPrice_roundsDownJustBelowHalfACent() {
            // given
            Charge charge = perUnit(INPUT, "0.000000075");

            // when
            PricedQuantity priced = UsagePricer.price(charge, d("66600"), USD);

            // then
            // 66,600 x 0.000000075 = 0.004995 -> HALF_UP 0.00
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.00");
        }

        @Test
        void perUnit_sevenDecimalPrice_roundsUpJustAboveHalfACent() {
            // given
            Charge charge = perUnit(INPUT, "0.000000075");

            // when
            PricedQuantity priced = UsagePricer.price(charge, d("66667"), USD);

            // then
            // 66,667 x 0.000000075 = 0.005000025 -> HALF_UP 0.01
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.01");
        }

        @Test
        void perUnit_yen_roundsToWholeYen() {
            // given
            Charge charge = perUnit(INPUT, "0.00035");

            // when
            PricedQuantity priced = UsagePricer.price(charge, d("1250000"), JPY);

            // then
            // 1,250,000 x 0.00035 = 437.5 -> HALF_UP 438
            assertThat(priced.amount().amount()).isEqualByComparingTo("438");
            assertThat(priced.amount().amount().scale()).isZero();
        }

        @Test
        void perUnit_zeroUsage_isZero() {
            // when
            PricedQuantity priced = UsagePricer.price(perUnit(INPUT, "0.0000025"), BigDecimal.ZERO, USD);

            // then
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.00");
        }
    }

    @Nested
    class Package {

        private final Charge charge = packaged("images", "1000", "0.50");

        @Test
        void package_oneUnit_startsAWholeBlock() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("1"), USD);

            // then
            // ceil(1 / 1000) = 1 block x 0.50 = 0.50
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.50");
        }

        @Test
        void package_exactlyOneBlock_isOneBlock() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("1000"), USD);

            // then
            // ceil(1000 / 1000) = 1 block x 0.50 = 0.50
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.50");
        }

        @Test
        void package_oneUnitOverABlock_startsTheNextBlock() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("1001"), USD);

            // then
            // ceil(1001 / 1000) = 2 blocks x 0.50 = 1.00
            assertThat(priced.amount().amount()).isEqualByComparingTo("1.00");
            assertThat(priced.detail()).startsWith("2 started blocks of 1000");
        }

        @Test
        void package_fractionalUsage_startsTheNextBlock() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("2000.5"), USD);

            // then
            // ceil(2000.5 / 1000) = 3 blocks x 0.50 = 1.50
            assertThat(priced.amount().amount()).isEqualByComparingTo("1.50");
        }

        @Test
        void package_zeroUsage_isZeroBlocks() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, BigDecimal.ZERO, USD);

            // then
            // ceil(0 / 1000) = 0 blocks -> 0.00
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.00");
        }

        @Test
        void package_subCentBlockPrice_isRoundedOnceOnTheTotal() {
            // given
            Charge tokens = packaged(INPUT, "1000000", "0.0025");

            // when
            PricedQuantity priced = UsagePricer.price(tokens, d("2500000"), USD);

            // then
            // ceil(2,500,000 / 1,000,000) = 3 blocks x 0.0025 = 0.0075 -> HALF_UP 0.01
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.01");
        }
    }

    @Nested
    class Graduated {

        private final Charge charge = graduated(INPUT,
                tier("1000", "0.10"), tier("5000", "0.05"), tier(null, "0.01"));

        @Test
        void graduated_usageExactlyAtTierEdge_staysInFirstTier() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("1000"), USD);

            // then
            // tier 1: 1000 x 0.10 = 100.00
            assertThat(priced.amount().amount()).isEqualByComparingTo("100.00");
            assertThat(priced.tiers()).hasSize(1);
            assertThat(priced.tiers().get(0).units()).isEqualByComparingTo("1000");
        }

        @Test
        void graduated_oneUnitAboveTierEdge_putsThatUnitInSecondTier() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("1001"), USD);

            // then
            // tier 1: 1000 x 0.10 = 100.00 ; tier 2: 1 x 0.05 = 0.05 ; 100.00 + 0.05 = 100.05
            assertThat(priced.amount().amount()).isEqualByComparingTo("100.05");
            assertThat(priced.tiers()).extracting(TierLine::tier).containsExactly(1, 2);
            TierLine second = priced.tiers().get(1);
            assertThat(second.from()).isEqualByComparingTo("1000");
            assertThat(second.upTo()).isEqualByComparingTo("5000");
            assertThat(second.units()).isEqualByComparingTo("1");
            assertThat(second.amount().amount()).isEqualByComparingTo("0.05");
        }

        @Test
        void graduated_fractionalUnitAboveTierEdge_isInSecondTier() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("1000.5"), USD);

            // then
            // tier 1: 1000 x 0.10 = 100.00 ; tier 2: 0.5 x 0.05 = 0.025 -> 0.03 ; 100.03
            assertThat(priced.amount().amount()).isEqualByComparingTo("100.03");
        }

        @Test
        void graduated_usageSpanningThreeTiers_pricesEachTierAtItsPrice() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("7500"), USD);

            // then
            // tier 1: 1000 x 0.10 = 100.00 ; tier 2: 4000 x 0.05 = 200.00 ; tier 3: 2500 x 0.01 = 25.00
            // 100.00 + 200.00 + 25.00 = 325.00
            assertThat(priced.amount().amount()).isEqualByComparingTo("325.00");
            assertThat(priced.tiers()).extracting(t -> t.amount().amount())
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(d("100.00"), d("200.00"), d("25.00"));
            assertThat(priced.tiers().get(2).upTo()).isNull();
        }

        @Test
        void graduated_flatFee_isChargedOnlyForTiersWithUnits() {
            // given
            Charge withFees = graduated(INPUT,
                    tier("1000", "0.10", "5.00"), tier("5000", "0.05", "10.00"), tier(null, "0.01", "20.00"));

            // when
            PricedQuantity atEdge = UsagePricer.price(withFees, d("1000"), USD);
            PricedQuantity aboveEdge = UsagePricer.price(withFees, d("1001"), USD);

            // then
            // at edge: tier 1 only: 1000 x 0.10 + 5.00 = 105.00 (tier 2's flat fee not reached)
            assertThat(atEdge.amount().amount()).isEqualByComparingTo("105.00");
            // one above: 105.00 + (1 x 0.05 + 10.00 = 10.05) = 115.05
            assertThat(aboveEdge.amount().amount()).isEqualByComparingTo("115.05");
        }

        @Test
        void graduated_zeroUsage_isZeroWithNoFlatFee() {
            // given
            Charge withFees = graduated(INPUT, tier("1000", "0.10", "5.00"), tier(null, "0.01", "20.00"));

            // when
            PricedQuantity priced = UsagePricer.price(withFees, BigDecimal.ZERO, USD);

            // then
            // no unit in any tier -> no tier line, no flat fee, 0.00
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.00");
            assertThat(priced.tiers()).isEmpty();
        }

        @Test
        void graduated_eachTierRoundedOnce_lineIsSumOfRoundedTiers() {
            // given
            Charge subCent = graduated(INPUT,
                    tier("100", "0.00125"), tier("200", "0.00125"), tier(null, "0.00125"));

            // when
            PricedQuantity priced = UsagePricer.price(subCent, d("300"), USD);

            // then
            // each tier: 100 x 0.00125 = 0.125 -> HALF_UP 0.13 ; line = 0.13 + 0.13 + 0.13 = 0.39
            // (not round(0.375) = 0.38: tiers are rounded once each and then added)
            assertThat(priced.tiers()).extracting(t -> t.amount().amount())
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(d("0.13"), d("0.13"), d("0.13"));
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.39");
        }
    }

    @Nested
    class Volume {

        private final Charge charge = volume("requests",
                tier("100", "1.00"), tier("1000", "0.80", "5.00"), tier(null, "0.50", "20.00"));

        @Test
        void volume_usageExactlyAtTierEdge_staysInLowerTier() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("100"), USD);

            // then
            // 100 <= 100 -> tier 1: 100 x 1.00 = 100.00
            assertThat(priced.amount().amount()).isEqualByComparingTo("100.00");
            assertThat(priced.tiers()).singleElement().satisfies(t -> {
                assertThat(t.tier()).isEqualTo(1);
                assertThat(t.units()).isEqualByComparingTo("100");
            });
        }

        @Test
        void volume_fractionAboveTierEdge_pricesAllUnitsInNextTier() {
            // when
            PricedQuantity priced = UsagePricer.price(charge, d("100.5"), USD);

            // then
            // 100.5 > 100 -> tier 2: 100.5 x 0.80 = 80.40 + flat 5.00 = 85.40
            assertThat(priced.amount().amount()).isEqualByComparingTo("85.40");
            assertThat(priced.tiers()).singleElement().satisfies(t -> {
                assertThat(t.tier()).isEqualTo(2);
                assertThat(t.from()).isEqualByComparingTo("100");
                assertThat(t.units()).isEqualByComparingTo("100.5");
            });
        }

        @Test
        void volume_reachedTier_chargesOnlyThatTiersFlatFee() {
            // when
            PricedQuantity top = UsagePricer.price(charge, d("1001"), USD);
            PricedQuantity middleEdge = UsagePricer.price(charge, d("1000"), USD);

            // then
            // 1001 -> tier 3: 1001 x 0.50 = 500.50 + flat 20.00 = 520.50 (tier 2's 5.00 not added)
            assertThat(top.amount().amount()).isEqualByComparingTo("520.50");
            // 1000 -> tier 2: 1000 x 0.80 = 800.00 + flat 5.00 = 805.00
            assertThat(middleEdge.amount().amount()).isEqualByComparingTo("805.00");
        }

        @Test
        void volume_zeroUsage_isZeroWithNoFlatFee() {
            // given
            Charge withFirstFlat = volume("requests", tier("100", "1.00", "3.00"), tier(null, "0.50"));

            // when
            PricedQuantity priced = UsagePricer.price(withFirstFlat, BigDecimal.ZERO, USD);

            // then
            // zero units reach no tier -> 0.00, tier 1's flat 3.00 not charged
            assertThat(priced.amount().amount()).isEqualByComparingTo("0.00");
            assertThat(priced.tiers()).isEmpty();
        }

        @Test
        void volume_fullPrecisionPrice_isRoundedOnce() {
            // given
            Charge tokens = volume(INPUT, tier("1000000", "0.000003"), tier(null, "0.0000025"));

            // when
            PricedQuantity priced = UsagePricer.price(tokens, d("1250000"), USD);

            // then
            // 1,250,000 > 1,000,000 -> tier 2: 1,250,000 x 0.0000025 = 3.125 -> HALF_UP 3.13
            assertThat(priced.amount().amount()).isEqualByComparingTo("3.13");
        }

        @Test
        void volume_lowerPriceInHigherTier_totalDropsPastTheEdge() {
            // given: documents a property of volume pricing (not a defect of the engine)
            Charge cheaperAbove = volume("requests", tier("100", "1.00"), tier(null, "0.50"));

            // when
            PricedQuantity atEdge = UsagePricer.price(cheaperAbove, d("100"), USD);
            PricedQuantity pastEdge = UsagePricer.price(cheaperAbove, d("101"), USD);

            // then
            // 100 x 1.00 = 100.00 ; 101 x 0.50 = 50.50: one more unit costs 49.50 less
            assertThat(atEdge.amount().amount()).isEqualByComparingTo("100.00");
            assertThat(pastEdge.amount().amount()).isEqualByComparingTo("50.50");
        }
    }
}
