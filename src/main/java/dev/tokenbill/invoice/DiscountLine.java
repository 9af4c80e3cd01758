package dev.tokenbill.invoice;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;

/**
 * A DISCOUNT line, negative: a coupon of {@code subscriptionId} (its description names the coupon) or the volume
 * discount of the whole invoice (no subscription).
 */
public record DiscountLine(String description, String subscriptionId, BigDecimal quantity, Money amount)
        implements InvoiceLine {

    @Override
    public LineKind kind() {
        return LineKind.DISCOUNT;
    }
}
