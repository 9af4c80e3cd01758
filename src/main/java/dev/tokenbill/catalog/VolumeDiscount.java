package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * A spend-threshold discount for invoices in one currency: the highest tier whose {@code from}
 * the invoice's spend (subtotal after coupons) reaches gives its {@code percent} off that spend.
 */
public record VolumeDiscount(Currency currency, List<Tier> tiers) {

    public VolumeDiscount {
        tiers = List.copyOf(tiers);
    }

    public record Tier(BigDecimal from, BigDecimal percent) {
    }
}
