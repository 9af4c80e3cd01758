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
 * allocated infrastructure cost (for cost-plus plans; null when none was allocated), the fees earlier final
 * invoices billed in advance for this period ({@link UnusedDays} credits what a subscription's end leaves unused), and
 * the unused days of the next period that its final invoices already credited (billed again when this period is
 * billed again: {@link CreditedUnusedDays}).
 */
public record Adjustments(List<SubscriptionCoupon> coupons, Optional<VolumeDiscount> volumeDiscount,
        List<CreditGrant> credits, Money allocatedCost, List<PrepaidFee> prepaidFees,
        List<CreditedUnusedDays> creditedByNextPeriod) {

    public static final Adjustments NONE = new Adjustments(List.of(), Optional.empty(), List.of(), null);

    public Adjustments {
        coupons = List.copyOf(coupons);
        credits = List.copyOf(credits);
        prepaidFees = prepaidFees == null ? List.of() : List.copyOf(prepaidFees);
        creditedByNextPeriod = creditedByNextPeriod == null ? List.of() : List.copyOf(creditedByNextPeriod);
    }

    /** Adjustments without unused days credited by the next period. */
    public Adjustments(List<SubscriptionCoupon> coupons, Optional<VolumeDiscount> volumeDiscount,
            List<CreditGrant> credits, Money allocatedCost, List<PrepaidFee> prepaidFees) {
        this(coupons, volumeDiscount, credits, allocatedCost, prepaidFees, List.of());
    }

    /** Adjustments without fees billed in advance for the period. */
    public Adjustments(List<SubscriptionCoupon> coupons, Optional<VolumeDiscount> volumeDiscount,
            List<CreditGrant> credits, Money allocatedCost) {
        this(coupons, volumeDiscount, credits, allocatedCost, List.of(), List.of());
    }
}
