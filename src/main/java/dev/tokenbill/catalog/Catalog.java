package dev.tokenbill.catalog;

import dev.tokenbill.allocation.AllocationWeights;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated price catalog: plans by id, tax rates by country, coupons by code, volume
 * discounts, the cost-allocation weights, the seller and the billing time zone.
 */
public record Catalog(Seller seller, ZoneId billingZone, Map<String, Plan> plans, Map<String, TaxRate> taxes,
        Map<String, Coupon> coupons, List<VolumeDiscount> volumeDiscounts, AllocationWeights allocation) {

    public Catalog {
        plans = Map.copyOf(plans);
        taxes = Map.copyOf(taxes);
        coupons = Map.copyOf(coupons);
        volumeDiscounts = List.copyOf(volumeDiscounts);
    }

    /** A catalog without coupons, volume discounts or allocation settings. */
    public Catalog(Seller seller, ZoneId billingZone, Map<String, Plan> plans, Map<String, TaxRate> taxes) {
        this(seller, billingZone, plans, taxes, Map.of(), List.of(), AllocationWeights.usageOnly());
    }

    public Optional<Coupon> coupon(String code) {
        return Optional.ofNullable(coupons.get(code));
    }

    public Optional<VolumeDiscount> volumeDiscountFor(Currency currency) {
        return volumeDiscounts.stream().filter(v -> v.currency().equals(currency)).findFirst();
    }

    public Optional<Plan> plan(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    public Optional<TaxRate> taxFor(String country) {
        return Optional.ofNullable(taxes.get(country));
    }
}
