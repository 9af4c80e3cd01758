package dev.tokenbill.discount;

import dev.tokenbill.catalog.Coupon;

/** A coupon attached to a subscription, in the subscription's {@code periodNumber}-th billing period (1 = first). */
public record SubscriptionCoupon(String subscriptionId, Coupon coupon, long periodNumber) {
}
