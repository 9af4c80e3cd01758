package dev.tokenbill.rating;

import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.discount.SubscriptionCoupon;
import dev.tokenbill.discount.VolumeDiscount;
import dev.tokenbill.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * What, besides plans and usage, changes a customer's invoice: coupons of its subscriptions, the
 * volume discount of its currency, its prepaid credit grants (with what is left of them), and its
 * allocated infrastructure cost (for cost-plus plans; null when none was allocated).
 */
public record Adjustments(List<SubscriptionCoupon> coupons, Optional<VolumeDiscount> volumeDiscount,
        List<CreditGrant> credits, Money allocatedCost) {

    public static final Adjustments NONE = new Adjustments(List.of(), Optional.empty(), List.of(), null);

    public Adjustments {
        coupons = List.copyOf(coupons);
        credits = List.copyOf(credits);
    }
}
