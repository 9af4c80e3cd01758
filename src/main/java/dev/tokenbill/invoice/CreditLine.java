package dev.tokenbill.invoice;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;

/** A CREDIT line, negative: prepaid credit drawn from the grant {@code reference} names. */
public record CreditLine(String description, BigDecimal quantity, Money amount, String reference)
        implements InvoiceLine {

    @Override
    public LineKind kind() {
        return LineKind.CREDIT;
    }
}
