package dev.tokenbill.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cost allocation: F_i = w1 R_i/sum(R) + w2 P_i/sum(P) + w3 U_i/sum(U), amounts = F_i x C rounded down
 * to the minor unit, the minor units left over going one each to the largest remainders (ties:
 * customer id). A driver whose sum is zero spreads its weight equally over the customers.
 */
class CostAllocatorTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");
    private static final AllocationWeights W_523 = weights("0.5", "0.2", "0.3");

    /**
     * R = 60 / 25 / 15 (sum 100), P = 1 / 1 / 2 (sum 4), U = 5 / 3 / 1 (sum 9); weights 0.5 / 0.2 / 0.3.
     * <pre>
     * F_a = 0.5 x 60/100 + 0.2 x 1/4 + 0.3 x 5/9 = 0.30  + 0.05 + 0.1666.. = 31/60 = 0.516666..
     * F_b = 0.5 x 25/100 + 0.2 x 1/4 + 0.3 x 3/9 = 0.125 + 0.05 + 0.1     = 11/40 = 0.275
     * F_c = 0.5 x 15/100 + 0.2 x 2/4 + 0.3 x 1/9 = 0.075 + 0.10 + 0.0333.. =  5/24 = 0.208333..
     * </pre>
     */
    private static final List<CostDriver> SKEWED = List.of(driver("a", "60", "1", "5"), driver("b", "25", "1", "3"),
            driver("c", "15", "2", "1"));

    @Test
    void skewedExample_AddsUpToTheCentWithLargestRemainders() {
        // given C = 103.00
        // exact: a 103 x 31/60 = 53.21666.., b 103 x 11/40 = 28.325, c 103 x 5/24 = 21.458333..
        // floors 53.21 + 28.32 + 21.45 = 102.98: 2 cents left
        // remainders a 0.00666.., b 0.005, c 0.00833..: the cents go to c, then a
        // (rounding each HALF_UP would give 53.22 + 28.33 + 21.46 = 103.01, a cent too much)

        // when
        List<Allocation> allocations = CostAllocator.allocate(Money.of("103.00", USD), SKEWED, W_523);

        // then
        assertThat(amounts(allocations)).containsExactly("a 53.22", "b 28.32", "c 21.46");
        assertThat(allocations).extracting(Allocation::share).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.516666666667"), new BigDecimal("0.275"), new BigDecimal("0.208333333333"));
        assertThat(sum(allocations, USD)).isEqualTo(Money.of("103.00", USD));
    }

    @Test
    void zeroUsageSum_SpreadsTheUsageWeightEquallyWithoutDividingByZero() {
        // given nobody used a token (sum(U) = 0): its weight 0.3 is spread equally, 0.1 each
        // R = 3 / 1 / 0 (sum 4), P = 1 / 1 / 1 (sum 3)
        // F_a = 0.5 x 3/4 + 0.2 x 1/3 + 0.1 = 0.375 + 0.0666.. + 0.1 = 0.541666..
        // F_b = 0.5 x 1/4 + 0.2 x 1/3 + 0.1 = 0.125 + 0.0666.. + 0.1 = 0.291666..
        // F_c = 0         + 0.2 x 1/3 + 0.1 =         0.0666.. + 0.1 = 0.166666..
        // x 120.00 = 65.00, 35.00, 20.00 exactly
        List<CostDriver> drivers = List.of(driver("a", "3", "1", "0"), driver("b", "1", "1", "0"), driver("c", "0", "1", "0"));

        // when
        List<Allocation> allocations = CostAllocator.allocate(Money.of("120.00", USD), drivers, W_523);

        // then
        assertThat(amounts(allocations)).containsExactly("a 65.00", "b 35.00", "c 20.00");
    }

    @Test
    void allDriversZero_SplitsEquallyAndTheLeftOverCentGoesByCustomerId() {
        // given every sum is zero: F = 1/3 each; 100.00 / 3 = 33.333.. -> floors 99.99, one cent left;
        // the remainders are equal, so the first customer id (a) gets it
        List<CostDriver> drivers = List.of(driver("c", "0", "0", "0"), driver("a", "0", "0", "0"), driver("b", "0", "0", "0"));

        // when
        List<Allocation> allocations = CostAllocator.allocate(Money.of("100.00", USD), drivers, W_523);

        // then (in the order the drivers were given)
        assertThat(amounts(allocations)).containsExactly("c 33.33", "a 33.34", "b 33.33");
    }

    @Test
    void oneCustomerWithAllTheUsage_GetsEverything() {
        // given all weight on usage and only b used anything: F_b = 1, the others 0
        List<CostDriver> drivers = List.of(driver("a", "0", "1", "0"), driver("b", "0", "1", "500"), driver("c", "0", "1", "0"));

        // when
        List<Allocation> allocations = CostAllocator.allocate(Money.of("4321.09", USD), drivers, AllocationWeights.usageOnly());

        // then
        assertThat(amounts(allocations)).containsExactly("a 0.00", "b 4321.09", "c 0.00");
    }

    @Test
    void singleCustomer_GetsTheWholeCost() {
        // given one customer: each ratio is 1, F = 0.5 + 0.2 + 0.3 = 1
        // when
        List<Allocation> allocations = CostAllocator.allocate(Money.of("999.99", USD),
                List.of(driver("solo", "7", "2", "3")), W_523);

        // then
        assertThat(amounts(allocations)).containsExactly("solo 999.99");
    }

    @Test
    void noCustomers_AllocateNothing() {
        // given / when / then
        assertThat(CostAllocator.allocate(Money.of("10.00", USD), List.of(), W_523)).isEmpty();
    }

    @Test
    void yen_HaveNoDecimals() {
        // given C = JPY 10,000 and the skewed drivers:
        // exact a 5166.666.., b 2750, c 2083.333.. -> floors 5166 + 2750 + 2083 = 9999: 1 yen left
        // remainders a 0.666.., b 0, c 0.333..: the yen goes to a
        // when
        List<Allocation> allocations = CostAllocator.allocate(Money.of("10000", JPY), SKEWED, W_523);

        // then
        assertThat(amounts(allocations)).containsExactly("a 5167", "b 2750", "c 2083");
        assertThat(sum(allocations, JPY)).isEqualTo(Money.of("10000", JPY));
    }

    @Test
    void kuwaitiDinar_HaveThreeDecimals() {
        // given C = KWD 10.000 and the skewed drivers:
        // exact a 5.1666.., b 2.75, c 2.08333.. -> floors 5.166 + 2.750 + 2.083 = 9.999: 1 fils left
        // remainders a 0.000666.., b 0, c 0.000333..: the fils goes to a
        // when
        List<Allocation> allocations = CostAllocator.allocate(Money.of("10.000", KWD), SKEWED, W_523);

        // then
        assertThat(amounts(allocations)).containsExactly("a 5.167", "b 2.750", "c 2.083");
        assertThat(allocations).allSatisfy(a -> assertThat(a.amount().amount().scale()).isEqualTo(3));
    }

    // property: whatever the drivers, weights and total, the amounts add up exactly

    private static final long BASE_SEED = 20_261_031L;
    private static final int CASES = 500;

    static LongStream seeds() {
        SplittableRandom base = new SplittableRandom(BASE_SEED);
        return LongStream.generate(base::nextLong).limit(CASES);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void anyDriversAndWeights_AddUpToTheTotalExactly_EachWithinOneMinorUnitOfItsShare(long seed) {
        // given
        SplittableRandom random = new SplittableRandom(seed);
        Currency currency = List.of(USD, JPY, KWD).get(random.nextInt(3));
        int scale = Money.minorUnits(currency);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        Money total = Money.of(BigDecimal.valueOf(randomMinorUnits(random)).movePointLeft(scale), currency);
        AllocationWeights weights = randomWeights(random);
        List<CostDriver> drivers = randomDrivers(random, 1 + random.nextInt(300));

        // when
        List<Allocation> allocations = CostAllocator.allocate(total, drivers, weights);

        // then
        assertThat(sum(allocations, currency)).as("seed=%d: allocations add up to %s", seed, total).isEqualTo(total);
        List<BigDecimal> shares = exactShares(drivers, weights);
        assertThat(allocations).as("seed=%d: one allocation per customer", seed).hasSize(drivers.size());
        for (int i = 0; i < drivers.size(); i++) {
            Allocation a = allocations.get(i);
            BigDecimal exact = total.amount().multiply(shares.get(i));
            assertThat(a.customerId()).as("seed=%d", seed).isEqualTo(drivers.get(i).customerId());
            assertThat(a.amount().isNegative()).as("seed=%d: %s is negative: %s", seed, a.customerId(), a.amount()).isFalse();
            assertThat(a.amount().amount().subtract(exact).abs())
                    .as("seed=%d: %s got %s for an exact share of %s", seed, a.customerId(), a.amount(), exact)
                    .isLessThanOrEqualTo(unit);
        }
    }

    /** F_i computed independently, to 40 significant digits; a zero sum spreads the weight equally. */
    private static List<BigDecimal> exactShares(List<CostDriver> drivers, AllocationWeights w) {
        MathContext mc = new MathContext(40);
        BigDecimal sumR = BigDecimal.ZERO;
        BigDecimal sumP = BigDecimal.ZERO;
        BigDecimal sumU = BigDecimal.ZERO;
        for (CostDriver d : drivers) {
            sumR = sumR.add(d.resource());
            sumP = sumP.add(d.performance());
            sumU = sumU.add(d.usage());
        }
        BigDecimal n = BigDecimal.valueOf(drivers.size());
        List<BigDecimal> shares = new ArrayList<>();
        for (CostDriver d : drivers) {
            shares.add(ratio(w.resource(), d.resource(), sumR, n, mc).add(ratio(w.performance(), d.performance(), sumP, n, mc))
                    .add(ratio(w.usage(), d.usage(), sumU, n, mc)));
        }
        return shares;
    }

    private static BigDecimal ratio(BigDecimal weight, BigDecimal value, BigDecimal sum, BigDecimal n, MathContext mc) {
        return sum.signum() == 0 ? weight.divide(n, mc) : weight.multiply(value).divide(sum, mc);
    }

    /**
     * From 0 up to 10^18 - 1 minor units (log-uniform: as many small as huge totals). costs.csv amounts
     * are stored as numeric(20, 4), so 10^16 - 1 USD (10^18 - 1 cents) is the largest cost pool there is.
     */
    private static long randomMinorUnits(SplittableRandom random) {
        int digits = 1 + random.nextInt(18);
        return random.nextLong(0, (long) Math.pow(10, digits));
    }

    /** Three weights in thousandths that add up to exactly 1 (some of them zero now and then). */
    private static AllocationWeights randomWeights(SplittableRandom random) {
        int a = random.nextInt(1001);
        int b = random.nextInt(1001 - a);
        List<Integer> parts = new ArrayList<>(List.of(a, b, 1000 - a - b));
        Collections.shuffle(parts, new java.util.Random(random.nextLong()));
        return new AllocationWeights(BigDecimal.valueOf(parts.get(0), 3), BigDecimal.valueOf(parts.get(1), 3),
                BigDecimal.valueOf(parts.get(2), 3), List.of("gpu_seconds"), List.of("input_tokens"));
    }

    /** Drivers with many zeros; now and then a driver that is zero for everyone. */
    private static List<CostDriver> randomDrivers(SplittableRandom random, int count) {
        boolean noResource = random.nextInt(10) == 0;
        boolean noPerformance = random.nextInt(20) == 0;
        boolean noUsage = random.nextInt(10) == 0;
        List<CostDriver> drivers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drivers.add(new CostDriver(String.format("cust-%03d", random.nextInt(1000)) + "-" + i,
                    noResource ? BigDecimal.ZERO : quantity(random), noPerformance ? BigDecimal.ZERO
                            : BigDecimal.valueOf(random.nextInt(6)),
                    noUsage ? BigDecimal.ZERO : quantity(random)));
        }
        return drivers;
    }

    /** Zero a third of the time, else up to 10^10 with up to 6 decimals (fractional GPU seconds). */
    private static BigDecimal quantity(SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(random.nextLong(1, 10_000_000_000_000_000L), random.nextInt(7));
    }

    // helpers

    private static CostDriver driver(String id, String resource, String performance, String usage) {
        return new CostDriver(id, new BigDecimal(resource), new BigDecimal(performance), new BigDecimal(usage));
    }

    private static AllocationWeights weights(String resource, String performance, String usage) {
        return new AllocationWeights(new BigDecimal(resource), new BigDecimal(performance), new BigDecimal(usage),
                List.of("gpu_seconds"), List.of("input_tokens", "cached_input_tokens", "output_tokens"));
    }

    private static List<String> amounts(List<Allocation> allocations) {
        return allocations.stream().map(a -> a.customerId() + " " + a.amount().amount().toPlainString()).toList();
    }

    private static Money sum(List<Allocation> allocations, Currency currency) {
        return allocations.stream().map(Allocation::amount).reduce(Money.zero(currency), Money::plus);
    }
}
