package dev.tokenbill.catalog;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** The validated price catalog: plans by id, tax rates by country, the seller and billing time zone. */
public record Catalog(Seller seller, ZoneId billingZone, Map<String, Plan> plans, Map<String, TaxRate> taxes) {

    public Catalog {
        plans = Map.copyOf(plans);
        taxes = Map.copyOf(taxes);
    }

    public Optional<Plan> plan(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    public Optional<TaxRate> taxFor(String country) {
        return Optional.ofNullable(taxes.get(country));
    }
}
