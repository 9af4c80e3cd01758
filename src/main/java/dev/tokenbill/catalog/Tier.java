package dev.tokenbill.catalog;

import java.math.BigDecimal;

/**
 * One price tier: units above the previous tier's bound and up to {@code upTo} (inclusive; null for
 * the last, unbounded tier) cost {@code unitPrice} each, plus an optional {@code flatFee}.
 */
public record Tier(BigDecimal upTo, BigDecimal unitPrice, BigDecimal flatFee) {

    public boolean unbounded() {
        return upTo == null;
    }
}
