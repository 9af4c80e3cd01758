package dev.tokenbill.rating;

import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.discount.SubscriptionCoupon;
import dev.tokenbill.catalog.VolumeDiscount;
import dev.tokenbill.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * What, besides plans and usage, changes a customer's invoice: coupons of its subscriptions, the
 * volume discount of its currency, its prepaid credit grants (with what is left of them), and its
 * allocated infrastructure cost (for cost-plus plans; null when none was allocated), and the fees earlier final
 * invoices billed in advance for this period ({@link UnusedDays} credits what a subscription's end leaves unused).
 */
public record Adjustments(List<SubscriptionCoupon> coupons, Optional<VolumeDiscount> volumeDiscount,
        List<CreditGrant> credits, Money allocatedCost, List<PrepaidFee> prepaidFees) {

    public static final Adjustments NONE = new Adjustments(List.of(), Optional.empty(), List.of(), null);

    public Adjustments {
        coupons = List.copyOf(coupons);
        credits = List.copyOf(credits);
        prepaidFees = prepaidFees == null ? List.of() : List.copyOf(prepaidFees);
    }

    /** Adjustments without fees billed in advance for the period. */
    public Adjustments(List<SubscriptionCoupon> coupons, Optional<VolumeDiscount> volumeDiscount,
            List<CreditGrant> credits, Money allocatedCost) {
        this(coupons, volumeDiscount, credits, allocatedCost, List.of());
    }
}
