package dev.tokenbill.allocation;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a period's total cost C over customers by F_i = w1 R_i/sum(R) + w2 P_i/sum(P) + w3 U_i/sum(U).
 * Shares are reported at 12 decimals (computed with more, see below); amounts are rounded down to
 * the minor unit and the minor units left over go, one each, to the largest remainders (ties:
 * customer id), so the amounts add up to C exactly. A driver whose sum is zero (nobody used a GPU)
 * cannot tell customers apart: its weight is then spread equally over all customers instead of
 * dividing by zero.
 */
public final class CostAllocator {

    static final int SHARE_SCALE = 12;

    private CostAllocator() {
    }

    public static List<Allocation> allocate(Money total, List<CostDriver> drivers, AllocationWeights weights) {
        if (drivers.isEmpty()) {
            return List.of();
        }
        BigDecimal sumR = BigDecimal.ZERO;
        BigDecimal sumP = BigDecimal.ZERO;
        BigDecimal sumU = BigDecimal.ZERO;
        for (CostDriver d : drivers) {
            sumR = sumR.add(d.resource());
            sumP = sumP.add(d.performance());
            sumU = sumU.add(d.usage());
        }
        BigDecimal n = BigDecimal.valueOf(drivers.size());
        // the shares' rounding is multiplied by C: give them as many more decimals as C has digits in
        // minor units, so it stays far below one minor unit even for the largest pool costs.csv can hold
        int scale = SHARE_SCALE + 4 + total.amount().precision();
        List<BigDecimal> shares = new ArrayList<>();
        for (CostDriver d : drivers) {
            shares.add(part(weights.resource(), d.resource(), sumR, n, scale)
                    .add(part(weights.performance(), d.performance(), sumP, n, scale))
                    .add(part(weights.usage(), d.usage(), sumU, n, scale)));
        }
        return largestRemainder(total, drivers, shares);
    }

    private static BigDecimal part(BigDecimal weight, BigDecimal value, BigDecimal sum, BigDecimal count, int scale) {
        if (weight.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal ratio = sum.signum() == 0 ? BigDecimal.ONE.divide(count, scale, RoundingMode.HALF_EVEN)
                : value.divide(sum, scale, RoundingMode.HALF_EVEN);
        return weight.multiply(ratio).setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static List<Allocation> largestRemainder(Money total, List<CostDriver> drivers, List<BigDecimal> shares) {
        int scale = Money.minorUnits(total.currency());
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal[] floors = new BigDecimal[drivers.size()];
        BigDecimal[] remainders = new BigDecimal[drivers.size()];
        BigDecimal assigned = BigDecimal.ZERO;
        for (int i = 0; i < drivers.size(); i++) {
            BigDecimal exact = total.amount().multiply(shares.get(i));
            floors[i] = exact.setScale(scale, RoundingMode.FLOOR);
            remainders[i] = exact.subtract(floors[i]);
            assigned = assigned.add(floors[i]);
        }
        int left = total.amount().subtract(assigned).divide(unit, 0, RoundingMode.HALF_EVEN).intValueExact();
        if (left < 0) {
            throw new IllegalStateException("shares add up to more than 1: " + shares);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < drivers.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed()
                .thenComparing(i -> drivers.get(i).customerId()));
        for (int k = 0; k < left; k++) {
            int i = order.get(k % order.size());
            floors[i] = floors[i].add(unit);
        }
        List<Allocation> result = new ArrayList<>();
        for (int i = 0; i < drivers.size(); i++) {
            result.add(new Allocation(drivers.get(i).customerId(), shares.get(i).setScale(SHARE_SCALE, RoundingMode.HALF_EVEN),
                    Money.of(floors[i], total.currency())));
        }
        return result;
    }
}
