package dev.tokenbill.discount;

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
 * fixed coupons (each in coupon-code order), then the volume discount on what remains. Each
 * discount is rounded once, HALF_UP, and capped so that no subscription's charges, and so no
 * invoice, go below zero.
 */
public final class Discounts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Discounts() {
    }

    public static List<InvoiceLine> apply(List<InvoiceLine> charges, List<SubscriptionCoupon> coupons,
            Optional<VolumeDiscount> volume, Currency currency) {
        List<InvoiceLine> discounts = new ArrayList<>();
        Map<String, Money> left = new HashMap<>();
        for (InvoiceLine line : charges) {
            left.merge(line.subscriptionId(), line.amount(), Money::plus);
        }
        List<SubscriptionCoupon> ordered = new ArrayList<>(coupons);
        ordered.sort(Comparator.comparing((SubscriptionCoupon c) -> c.coupon().kind())
                .thenComparing(c -> c.coupon().code()).thenComparing(SubscriptionCoupon::subscriptionId));
        for (SubscriptionCoupon sc : ordered) {
            Coupon coupon = sc.coupon();
            if (!coupon.activeInPeriod(sc.periodNumber())) {
                continue;
            }
            Money base = eligible(charges, sc.subscriptionId(), coupon);
            Money cap = left.getOrDefault(sc.subscriptionId(), Money.zero(currency)).min(base);
            Money amount = switch (coupon.kind()) {
                case PERCENT -> Money.rounded(base.amount().multiply(coupon.percent()).divide(HUNDRED), currency);
                case FIXED -> Money.of(coupon.amount(), currency);
            };
            amount = amount.min(cap);
            if (amount.signum() <= 0) {
                continue;
            }
            left.merge(sc.subscriptionId(), amount.negate(), Money::plus);
            String what = coupon.kind() == Coupon.Kind.PERCENT
                    ? coupon.percent().stripTrailingZeros().toPlainString() + "% off " + describe(coupon)
                    : MoneyFormat.amount(Money.of(coupon.amount(), currency)) + " off " + describe(coupon);
            discounts.add(InvoiceLine.simple(LineKind.DISCOUNT, "Coupon " + coupon.code() + ": " + what
                    + " (period " + sc.periodNumber() + ")", sc.subscriptionId(), null, BigDecimal.ONE, null, amount.negate()));
        }
        volume.ifPresent(v -> volumeDiscount(v, left, currency).ifPresent(discounts::add));
        return discounts;
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
        return Optional.of(InvoiceLine.simple(LineKind.DISCOUNT, "Volume discount: " + reached.percent()
                .stripTrailingZeros().toPlainString() + "% on spend of " + MoneyFormat.amount(spend) + " (from "
                + MoneyFormat.number(reached.from(), Money.minorUnits(currency)) + ")", null, null, BigDecimal.ONE, null,
                amount.negate()));
    }

    private static Money eligible(List<InvoiceLine> charges, String subscriptionId, Coupon coupon) {
        Money sum = null;
        for (InvoiceLine line : charges) {
            if (subscriptionId.equals(line.subscriptionId()) && targets(coupon, line)) {
                sum = sum == null ? line.amount() : sum.plus(line.amount());
            }
        }
        return sum == null ? Money.zero(charges.get(0).amount().currency()) : sum;
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
