package dev.tokenbill.discount;

import dev.tokenbill.catalog.Coupon;
import dev.tokenbill.catalog.VolumeDiscount;
import dev.tokenbill.invoice.DiscountLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.money.Money;
import dev.tokenbill.money.MoneyFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes an invoice's discount lines (negative amounts), in this order: percent coupons, then
 * fixed coupons (each in coupon-code order, each service period in order), then the volume discount
 * on what remains. Each discount is rounded once, HALF_UP, and capped at the charges it may reduce,
 * so that no subscription's charges, and so no invoice, go below zero.
 */
public final class Discounts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Discounts() {
    }

    /** Every charge belongs to the invoice's own period (no fee billed in advance). */
    public static List<InvoiceLine> apply(List<InvoiceLine> charges, List<SubscriptionCoupon> coupons,
            Optional<VolumeDiscount> volume, Currency currency) {
        return applyByServicePeriod(charges.stream().map(ServiceCharge::ofThisPeriod).toList(), coupons, volume, currency);
    }

    /**
     * A coupon reduces the charges of the service periods it covers: on an in-advance invoice, the started
     * period's charges count as period n and the fee billed for the next period as period n + 1, each with its
     * own discount line. A fixed coupon gives its amount once per service period, less what it already took off
     * that period's charges on an earlier invoice, and never more than the period's charges it may reduce.
     */
    public static List<InvoiceLine> applyByServicePeriod(List<ServiceCharge> charges, List<SubscriptionCoupon> coupons,
            Optional<VolumeDiscount> volume, Currency currency) {
        List<InvoiceLine> discounts = new ArrayList<>();
        Map<String, Money> left = new HashMap<>();
        for (ServiceCharge charge : charges) {
            if (charge.onThisInvoice()) {
                left.merge(charge.line().subscriptionId(), charge.line().amount(), Money::plus);
            }
        }
        List<SubscriptionCoupon> ordered = new ArrayList<>(coupons);
        ordered.sort(Comparator.comparing((SubscriptionCoupon c) -> c.coupon().kind())
                .thenComparing(c -> c.coupon().code()).thenComparing(SubscriptionCoupon::subscriptionId));
        for (SubscriptionCoupon sc : ordered) {
            for (int offset : offsets(charges, sc.subscriptionId())) {
                long periodNumber = sc.periodNumber() + offset;
                if (!sc.coupon().activeInPeriod(periodNumber)) {
                    continue;
                }
                Money base = eligible(charges, sc, offset, true, currency);
                Money cap = left.getOrDefault(sc.subscriptionId(), Money.zero(currency)).min(base);
                Money amount = amount(sc.coupon(), base, eligible(charges, sc, offset, false, currency), currency).min(cap);
                if (amount.signum() <= 0) {
                    continue;
                }
                left.merge(sc.subscriptionId(), amount.negate(), Money::plus);
                discounts.add(line(sc, periodNumber, offset, amount, currency));
            }
        }
        volume.ifPresent(v -> volumeDiscount(v, left, currency).ifPresent(discounts::add));
        return discounts;
    }

    /** Percent of the base; a fixed amount less what an earlier invoice took off this period's charges. */
    private static Money amount(Coupon coupon, Money base, Money billedEarlier, Currency currency) {
        return switch (coupon.kind()) {
            case PERCENT -> Money.rounded(base.amount().multiply(coupon.percent()).divide(HUNDRED), currency);
            case FIXED -> {
                Money fixed = Money.of(coupon.amount(), currency);
                yield fixed.minus(fixed.min(billedEarlier));
            }
        };
    }

    private static InvoiceLine line(SubscriptionCoupon sc, long periodNumber, int offset, Money amount, Currency currency) {
        Coupon coupon = sc.coupon();
        String what = coupon.kind() == Coupon.Kind.PERCENT
                ? coupon.percent().stripTrailingZeros().toPlainString() + "% off " + describe(coupon)
                : MoneyFormat.amount(Money.of(coupon.amount(), currency)) + " off " + describe(coupon);
        String period = "period " + periodNumber + (offset > 0 ? ", billed in advance" : "");
        return new DiscountLine("Coupon " + coupon.code() + ": " + what + " (" + period + ")", sc.subscriptionId(),
                BigDecimal.ONE, amount.negate());
    }

    /** The service periods of the subscription's charges on this invoice, in order. */
    private static List<Integer> offsets(List<ServiceCharge> charges, String subscriptionId) {
        return charges.stream().filter(c -> c.onThisInvoice() && subscriptionId.equals(c.line().subscriptionId()))
                .map(ServiceCharge::periodOffset).distinct().sorted().toList();
    }

    private static Optional<InvoiceLine> volumeDiscount(VolumeDiscount volume, Map<String, Money> left, Currency currency) {
        if (!volume.currency().equals(currency)) {
            return Optional.empty();
        }
        Money spend = Money.zero(currency);
        for (Money m : left.values()) {
            spend = spend.plus(m);
        }
        VolumeDiscount.Tier reached = null;
        for (VolumeDiscount.Tier tier : volume.tiers()) {
            if (spend.amount().compareTo(tier.from()) >= 0) {
                reached = tier;
            }
        }
        if (reached == null || reached.percent().signum() == 0) {
            return Optional.empty();
        }
        Money amount = Money.rounded(spend.amount().multiply(reached.percent()).divide(HUNDRED), currency);
        return Optional.of(new DiscountLine("Volume discount: " + reached.percent()
                .stripTrailingZeros().toPlainString() + "% on spend of " + MoneyFormat.amount(spend) + " (from "
                + MoneyFormat.number(reached.from(), Money.minorUnits(currency)) + ")", null, BigDecimal.ONE,
                amount.negate()));
    }

    private static Money eligible(List<ServiceCharge> charges, SubscriptionCoupon sc, int offset, boolean onThisInvoice,
            Currency currency) {
        Money sum = Money.zero(currency);
        for (ServiceCharge charge : charges) {
            InvoiceLine line = charge.line();
            if (charge.onThisInvoice() == onThisInvoice && charge.periodOffset() == offset
                    && sc.subscriptionId().equals(line.subscriptionId()) && targets(sc.coupon(), line)) {
                sum = sum.plus(line.amount());
            }
        }
        return sum;
    }

    private static boolean targets(Coupon coupon, InvoiceLine line) {
        for (Coupon.Target target : coupon.targets()) {
            boolean hit = switch (target.kind()) {
                case ALL -> true;
                case RECURRING -> line.kind() == LineKind.RECURRING;
                case USAGE -> line.kind() == LineKind.USAGE || line.kind() == LineKind.TRUE_UP;
                case METER -> line.kind() == LineKind.USAGE && target.meter().equals(line.meter());
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Coupon coupon) {
        List<String> parts = new ArrayList<>();
        for (Coupon.Target t : coupon.targets()) {
            parts.add(switch (t.kind()) {
                case ALL -> "all charges";
                case RECURRING -> "recurring fees";
                case USAGE -> "usage";
                case METER -> t.meter().replace('_', ' ');
            });
        }
        return String.join(", ", parts);
    }
}
