package dev.tokenbill.rating;

import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.util.List;

/** The price of a quantity under one pricing model: the rounded amount, the unit price if single, the tiers used. */
record PricedQuantity(Money amount, BigDecimal unitPrice, List<TierLine> tiers, String detail) {
}
