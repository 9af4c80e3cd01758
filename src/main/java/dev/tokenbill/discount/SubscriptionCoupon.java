package dev.tokenbill.discount;

/** A coupon attached to a subscription, in the subscription's {@code periodNumber}-th billing period (1 = first). */
public record SubscriptionCoupon(String subscriptionId, Coupon coupon, long periodNumber) {
}
