package dev.tokenbill.rating;

import dev.tokenbill.invoice.ServicePeriod;
import java.math.BigDecimal;

/**
 * A recurring fee that an earlier final invoice ({@code invoiceNumber}) billed in advance for days of the period being
 * rated: {@code billed} the days it covered, at {@code unitPrice} (the fee per full period) times {@code quantity}.
 */
public record PrepaidFee(String subscriptionId, ServicePeriod billed, BigDecimal quantity, BigDecimal unitPrice,
        String invoiceNumber) {
}
