package dev.tokenbill.invoice;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;

/**
 * One tier of a tiered charge: {@code units} in the tier at {@code unitPrice}, plus the tier's
 * {@code flatFee} (zero if none); {@code amount} is rounded once, HALF_UP.
 */
public record TierLine(int tier, BigDecimal from, BigDecimal upTo, BigDecimal units, BigDecimal unitPrice,
        BigDecimal flatFee, Money amount) {
}
