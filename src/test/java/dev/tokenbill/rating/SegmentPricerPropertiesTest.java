package dev.tokenbill.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.PricingModel;
import dev.tokenbill.catalog.Tier;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A price change that changes no price must not change the bill: the period's billed units, cut at
 * random points into consecutive segments priced by {@link SegmentPricer} with the same prices, cost
 * exactly what {@link UsagePricer} bills for the whole quantity (flat fees once, blocks not started
 * twice, tiers continued). Cent prices and whole units keep every amount exact, so the sums compare
 * exactly. Seeded; a failure names its seed.
 */
class SegmentPricerPropertiesTest {

    private static final long BASE_SEED = 20_261_015L;
    private static final int CASES = 2_000;
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void testSegmentsAtUnchangedPrices_AddUpToTheWholePeriod() {
        for (int n = 0; n < CASES; n++) {
            long seed = BASE_SEED + n;
            Random random = new Random(seed);
            Charge charge = charge(random, PricingModel.values()[random.nextInt(PricingModel.values().length)]);
            BigDecimal total = BigDecimal.valueOf(random.nextInt(20_000));
            List<BigDecimal> cuts = new ArrayList<>();
            BigDecimal left = total;
            int segments = 1 + random.nextInt(4);
            for (int s = 0; s < segments - 1; s++) {
                BigDecimal part = BigDecimal.valueOf(random.nextInt(left.intValue() + 1));
                cuts.add(part);
                left = left.subtract(part);
            }
            cuts.add(left);

            Money whole = UsagePricer.price(charge, total, USD).amount();
            Money sum = Money.zero(USD);
            BigDecimal offset = BigDecimal.ZERO;
            for (BigDecimal part : cuts) {
                sum = sum.plus(SegmentPricer.price(charge, part, offset, total, USD).amount());
                offset = offset.add(part);
            }

            assertThat(sum).as("seed=%d %s %s cut %s", seed, charge.pricing(), charge.tiers(), cuts).isEqualTo(whole);
        }
    }

    private static Charge charge(Random random, PricingModel pricing) {
        return switch (pricing) {
            case PER_UNIT -> new Charge("u", null, pricing, cents(random), null, null, null, null, null, null);
            case PACKAGE -> new Charge("u", null, pricing, null, BigDecimal.valueOf(1 + random.nextInt(500)), cents(random),
                    null, null, null, null);
            case GRADUATED, VOLUME -> new Charge("u", null, pricing, null, null, null, tiers(random), null, null, null);
        };
    }

    private static List<Tier> tiers(Random random) {
        List<Tier> tiers = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        BigDecimal bound = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            BigDecimal upTo = null;
            if (i < count - 1) {
                bound = bound.add(BigDecimal.valueOf(1 + random.nextInt(5_000)));
                upTo = bound;
            }
            tiers.add(new Tier(upTo, cents(random), random.nextBoolean() ? BigDecimal.ZERO : cents(random)));
        }
        return tiers;
    }

    private static BigDecimal cents(Random random) {
        return BigDecimal.valueOf(random.nextInt(1_000), 2);
    }
}
